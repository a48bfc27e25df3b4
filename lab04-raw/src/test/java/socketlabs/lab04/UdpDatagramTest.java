package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import socketlabs.grading.Points;

@DisplayName("Task 2 · UDP datagram")
class UdpDatagramTest {
    /** The UDP part of packet 76 of ordinary.pcap: nc sending "hello over udp\n" to port 18082. */
    static final String CAPTURED = "ba ee 46 a2 00 17 fe 2a 68 65 6c 6c 6f 20 6f 76 65 72 20 75 64 70 0a";
    // documentation addresses (RFC 5737): only bytes in the packets, never a host the tests talk to
    static final Inet4Address A = Addresses.ipv4("192.0.2.1");
    static final Inet4Address B = Addresses.ipv4("192.0.2.2");

    @Test
    @Points(2)
    @DisplayName("parses a captured datagram")
    void parsesCaptured() {
        byte[] data = Hex.parse(CAPTURED);
        UdpDatagram d = UdpDatagram.parse(data, 0, data.length);
        assertEquals(List.of(47854, 18082, 23, 0xfe2a), List.of(d.sourcePort(), d.destinationPort(), d.length(), d.checksum()),
                "UdpDatagram.parse(" + Hex.of(data) + "): (source port, destination port, length, checksum). Ports above 32767"
                        + " are unsigned: 0xbaee = 47854.");
        assertEquals("hello over udp\n", new String(d.payload(), StandardCharsets.US_ASCII), "the payload follows the 8-byte header");
    }

    @Test
    @Points(2)
    @DisplayName("writes a datagram byte for byte, with the pseudo-header checksum")
    void writes() {
        byte[] got = UdpDatagram.of(12345, 53, "abc".getBytes(StandardCharsets.US_ASCII)).toBytes(A, B);
        byte[] expected = Hex.parse("30 39 00 35 00 0b 87 03 61 62 63");
        assertEquals(Hex.of(expected), Hex.of(got), () -> "UdpDatagram.of(12345, 53, \"abc\").toBytes(192.0.2.1, 192.0.2.2):\n expected "
                + Hex.of(expected) + "\n got      " + Hex.of(got) + "\nThe checksum covers the pseudo-header (source, destination,"
                + " 0, 17, UDP length) + header + payload.");
    }

    @Test
    @Points(1)
    @DisplayName("computes the pseudo-header checksum of any segment")
    void pseudoHeader() {
        Random random = new Random(768);
        for (int i = 0; i < 200; i++) {
            byte[] segment = new byte[8 + random.nextInt(40)];
            random.nextBytes(segment);
            int protocol = random.nextBoolean() ? 6 : 17;
            byte[] inside = TestPackets.concat(new byte[5], segment, new byte[3]);
            int expected = TestPackets.pseudoHeaderChecksum(A, B, protocol, segment);
            int got = Checksum.withPseudoHeader(A, B, protocol, inside, 5, segment.length);
            assertEquals(expected, got, () -> "Checksum.withPseudoHeader(192.0.2.1, 192.0.2.2, " + protocol + ", " + Hex.of(segment)
                    + ") (at offset 5 of a larger array): expected " + Hex.u16(expected) + " but got " + Hex.u16(got)
                    + ". The 12-byte pseudo-header is source, destination, a zero byte, the protocol and the segment's length,"
                    + " all in front of the segment.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("sends a computed checksum of 0 as 0xffff")
    void zeroChecksum() {
        // choose the payload's two bytes so that the checksum comes out 0
        byte[] probe = UdpDatagram.of(1000, 2000, new byte[2]).toBytes(A, B);
        probe[6] = 0;
        probe[7] = 0;
        int c = Checksum.withPseudoHeader(A, B, 17, probe, 0, probe.length);
        byte[] payload = {(byte) (c >> 8), (byte) c};
        byte[] got = UdpDatagram.of(1000, 2000, payload).toBytes(A, B);
        assertEquals("ff ff", Hex.of(got, 6, 2), () -> "this datagram's checksum computes to 0, which in UDP means \"no checksum\":"
                + " it must be sent as 0xffff (the same value in ones' complement). Got " + Hex.of(got));
    }

    @Test
    @Points(1)
    @DisplayName("takes the payload's end from the length field")
    void lengthField() {
        byte[] data = TestPackets.concat(TestPackets.udp(7, 9, "hi".getBytes(StandardCharsets.US_ASCII), A, B), new byte[6]);
        UdpDatagram d = UdpDatagram.parse(data, 0, data.length);
        assertEquals("hi", new String(d.payload(), StandardCharsets.US_ASCII), () -> "parsing " + Hex.of(data) + " (length field 10,"
                + " then 6 bytes of padding): the payload is length - 8 = 2 bytes, not everything after the header");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "00 07 00 09 00 08 00       | header | 7 bytes, one short of a header",
        "00 07 00 09 00 07 00 00    | length | length field 7, under 8",
        "00 07 00 09 00 0c 00 00 61 | length | length field 12 with 9 bytes there",
    })
    @Points(1)
    @DisplayName("rejects truncated and inconsistent datagrams, naming the field")
    void malformed(String hex, String field, String description) {
        byte[] data = Hex.parse(hex);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> UdpDatagram.parse(data, 0, data.length),
                () -> "UdpDatagram.parse(" + hex + ") with " + description + " must throw MalformedPacketException(\"" + field + "\", ...)");
        assertEquals(field, e.field(), () -> description + ": expected the field \"" + field + "\" but the exception named \"" + e.field() + "\"");
    }

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("throws nothing but MalformedPacketException on 100,000 random and mutated inputs (seeded)")
    void fuzz() {
        Fuzz.run("UdpDatagram.parse", 768, List.of(Hex.parse(CAPTURED), Hex.parse("30 39 00 35 00 0b 87 03 61 62 63")), UdpDatagram::parse);
    }

    @Test
    @Points(1)
    @DisplayName("an 8-byte datagram, header only, parses with an empty payload; of() sets the length field")
    void headerOnly() {
        byte[] data = Hex.parse("30 39 00 35 00 08 00 00");
        UdpDatagram d;
        try {
            d = UdpDatagram.parse(data, 0, 8);
        } catch (MalformedPacketException e) {
            throw new AssertionError("UdpDatagram.parse(" + Hex.of(data) + ", 0, 8): 8 bytes are a whole header and"
                    + " the length field 8 is allowed, but it threw " + e + ". Likely cause: < where <= is meant.", e);
        }
        assertEquals(0, d.payload().length, "UdpDatagram.parse of a header-only datagram: the payload is empty");
        assertEquals(8 + 3, UdpDatagram.of(1, 2, new byte[3]).length(), "UdpDatagram.of(1, 2, 3 bytes).length():"
                + " 8 + payload length");
    }
}
