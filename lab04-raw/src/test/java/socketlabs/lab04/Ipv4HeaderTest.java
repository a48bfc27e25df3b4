package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import socketlabs.grading.Points;

@DisplayName("Task 2 · IPv4 header")
class Ipv4HeaderTest {
    /** The first packet of ordinary.pcap without its Ethernet header: curl's SYN to 127.0.0.1:18080. */
    static final String CAPTURED_SYN = "45 00 00 3c 40 f6 40 00 40 06 fb c3 7f 00 00 01 7f 00 00 01"
            + " c6 64 46 a0 c9 af 13 15 00 00 00 00 a0 02 ff d7 fe 30 00 00 02 04 ff d7 04 02 08 0a df aa 7b ab 00 00 00 00 01 03 03 0a";

    @Test
    @Points(2)
    @DisplayName("parses every field of a captured header")
    void capturedHeader() {
        byte[] packet = Hex.parse(CAPTURED_SYN);
        Ipv4Header h = Ipv4Header.parse(packet, 0, packet.length);
        String what = "Ipv4Header.parse(" + Hex.of(packet, 0, 20) + " ...): ";
        assertEquals(0, h.tos(), what + "tos is byte 1");
        assertEquals(60, h.totalLength(), what + "total length is bytes 2-3, big-endian: 0x003c = 60");
        assertEquals(0x40f6, h.identification(), what + "identification is bytes 4-5: 0x40f6");
        assertTrue(h.dontFragment(), what + "DF is bit 0x4000 of bytes 6-7 (0x4000): set");
        assertFalse(h.moreFragments(), what + "MF is bit 0x2000 of bytes 6-7: clear");
        assertEquals(0, h.fragmentOffset(), what + "the fragment offset is the low 13 bits of bytes 6-7");
        assertEquals(64, h.ttl(), what + "TTL is byte 8");
        assertEquals(6, h.protocol(), what + "protocol is byte 9: 6, TCP");
        assertEquals(0xfbc3, h.checksum(), what + "the checksum is bytes 10-11 as received: 0xfbc3");
        assertEquals(TestPackets.LOOPBACK, h.source(), what + "the source address is bytes 12-15");
        assertEquals(TestPackets.LOOPBACK, h.destination(), what + "the destination address is bytes 16-19");
        assertEquals(0, h.options().length, what + "IHL 5 means no options");
        assertEquals(20, h.headerLength(), what + "IHL 5 = 20 bytes");
    }

    @Test
    @Points(1)
    @DisplayName("parses the flags and a fragment offset")
    void fragment() {
        // MF set, DF clear, offset 185 (x 8 = 1480 bytes): the second fragment of a big datagram
        byte[] packet = TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK, new byte[8]);
        packet[6] = 0x20;
        packet[7] = (byte) 0xb9;
        Ipv4Header h = Ipv4Header.parse(packet, 0, packet.length);
        String what = "flags and offset bytes 20 b9: ";
        assertTrue(h.moreFragments(), what + "MF (0x2000) is set");
        assertFalse(h.dontFragment(), what + "DF (0x4000) is clear");
        assertEquals(185, h.fragmentOffset(), what + "the offset is the low 13 bits, 0x00b9 = 185 (in units of 8 bytes)");
    }

    @Test
    @Points(1)
    @DisplayName("reads the options that an IHL above 5 announces")
    void options() {
        byte[] packet = Hex.parse("46 00 00 1c 00 01 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01 94 04 00 00 aa bb cc dd");
        Ipv4Header h = Ipv4Header.parse(packet, 0, packet.length);
        assertEquals(24, h.headerLength(), "IHL 6 is a 24-byte header");
        assertEquals(Hex.of(Hex.parse("94 04 00 00")), Hex.of(h.options()), () -> "the options are bytes 20 to IHL x 4: 94 04 00 00 (router alert)"
                + " but got " + Hex.of(h.options()));
        assertEquals(4, h.payloadLength(), "total length 28 - header 24 = 4 bytes of payload");
    }

    @Test
    @Points(2)
    @DisplayName("writes a header byte for byte, with its checksum")
    void writes() {
        Ipv4Header h = new Ipv4Header(0, 0x73, 0, true, false, 0, 64, 17, 0,
                Addresses.ipv4("192.0.2.1"), Addresses.ipv4("192.0.2.199"), new byte[0]);
        byte[] expected = Hex.parse("45 00 00 73 00 00 40 00 40 11 b5 b1 c0 00 02 01 c0 00 02 c7");
        byte[] got = h.toBytes();
        assertEquals(Hex.of(expected), Hex.of(got), () -> "toBytes() of " + h + ":\n expected " + Hex.of(expected) + "\n got      " + Hex.of(got)
                + "\nEvery field big-endian; the checksum (bytes 10-11) computed over the header with those two bytes zero.");
    }

    @Test
    @Points(2)
    @DisplayName("reads back what it writes, for 1,000 random headers (seeded)")
    void roundTrip() {
        Random random = new Random(791);
        for (int i = 0; i < 1000; i++) {
            byte[] options = new byte[4 * random.nextInt(11)];
            random.nextBytes(options);
            byte[] a = new byte[4];
            random.nextBytes(a);
            Ipv4Header h = new Ipv4Header(random.nextInt(256), 20 + options.length, random.nextInt(65536), random.nextBoolean(),
                    random.nextBoolean(), random.nextInt(8192), random.nextInt(256), random.nextInt(256), 0,
                    Addresses.ipv4(a, 0), Addresses.ipv4("198.51.100.3"), options);
            byte[] bytes = h.toBytes();
            Ipv4Header back = Ipv4Header.parse(bytes, 0, bytes.length);
            String what = "header " + i + ", written as " + Hex.of(bytes) + ": ";
            assertEquals(0, TestPackets.checksum(bytes, 0, bytes.length), what + "the written header must check to 0");
            assertEquals(List.of(h.tos(), h.totalLength(), h.identification(), h.dontFragment(), h.moreFragments(), h.fragmentOffset(),
                    h.ttl(), h.protocol(), h.source(), h.destination()),
                    List.of(back.tos(), back.totalLength(), back.identification(), back.dontFragment(), back.moreFragments(),
                            back.fragmentOffset(), back.ttl(), back.protocol(), back.source(), back.destination()),
                    what + "read back differently (tos, total length, id, DF, MF, offset, TTL, protocol, source, destination)."
                            + " Values above 127 or 32767 are unsigned: mask with & 0xFF / & 0xFFFF.");
            assertEquals(Hex.of(options), Hex.of(back.options()), what + "the options read back differently");
        }
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "45 00 00 14 00 00 00 00 40 11 00 00 7f 00 00 01 7f 00 00        | header       | 19 bytes, one short of a header",
        "65 00 00 14 00 00 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01     | version      | version 6",
        "44 00 00 14 00 00 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01     | IHL          | IHL 4, under the minimum 5",
        "4f 00 00 3c 00 00 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01 00 00 00 00 | IHL | IHL 15 (60 bytes) with 24 bytes there",
        "45 00 00 13 00 00 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01     | total length | total length 19, shorter than the header",
        "45 00 00 64 00 00 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01 00 00 | total length | total length 100 with 22 bytes there",
    })
    @Points(3)
    @DisplayName("rejects truncated and inconsistent headers, naming the field")
    void malformed(String hex, String field, String description) {
        byte[] packet = Hex.parse(hex);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Ipv4Header.parse(packet, 0, packet.length),
                () -> "Ipv4Header.parse(" + Hex.of(packet) + ") with " + description + " must throw MalformedPacketException(\"" + field + "\", ...)");
        assertEquals(field, e.field(), () -> description + ": the exception must name the field \"" + field + "\" but named \"" + e.field()
                + "\" (message: " + e.getMessage() + "). Check in the order the Javadoc gives.");
    }

    @Test
    @Points(1)
    @DisplayName("ignores bytes after the total length")
    void trailingBytes() {
        byte[] packet = TestPackets.concat(TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK, new byte[8]), new byte[18]);
        Ipv4Header h = Ipv4Header.parse(packet, 0, packet.length);
        assertEquals(28, h.totalLength(), "a 28-byte packet followed by 18 bytes of Ethernet padding: total length 28");
        assertEquals(8, h.payloadLength(), "the payload is total length - header length = 8, whatever follows");
    }

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("throws nothing but MalformedPacketException on 100,000 random and mutated inputs (seeded)")
    void fuzz() {
        List<byte[]> valid = new ArrayList<>();
        valid.add(Hex.parse(CAPTURED_SYN));
        valid.add(Hex.parse("46 00 00 1c 00 01 00 00 40 11 00 00 7f 00 00 01 7f 00 00 01 94 04 00 00 aa bb cc dd"));
        Fuzz.run("Ipv4Header.parse", 791, valid, Ipv4Header::parse);
    }

    @Test
    @Points(1)
    @DisplayName("toBytes() gives the Javadoc's example: of(1, src, dst, 64) is 45 ..., total length 84, checking to 0")
    void toBytesExample() {
        byte[] h = Ipv4Header.of(1, Addresses.ipv4("192.0.2.1"), Addresses.ipv4("192.0.2.2"), 64).toBytes();
        assertEquals(20, h.length, "Ipv4Header.of(1, src, dst, 64).toBytes(): a header without options is 20 bytes");
        assertEquals("45 00 00 54", Hex.of(h, 0, 4), "Ipv4Header.of(1, src, dst, 64).toBytes(): version 4, IHL 5, tos 0,"
                + " total length 84 (20 + 64)");
        assertEquals(0, TestPackets.checksum(h, 0, 20), "Ipv4Header.of(1, src, dst, 64).toBytes() (" + Hex.of(h) + "): the"
                + " checksum must make the header check to 0");
    }
}
