package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import socketlabs.grading.Points;

@DisplayName("Task 2 · TCP segment")
class TcpSegmentTest {
    /** The TCP part of the first packet of ordinary.pcap: curl's SYN, with 20 bytes of options. */
    static final String CAPTURED_SYN = "c6 64 46 a0 c9 af 13 15 00 00 00 00 a0 02 ff d7 fe 30 00 00"
            + " 02 04 ff d7 04 02 08 0a df aa 7b ab 00 00 00 00 01 03 03 0a";
    // documentation addresses (RFC 5737): only bytes in the packets, never a host the tests talk to
    static final Inet4Address A = Addresses.ipv4("192.0.2.1");
    static final Inet4Address B = Addresses.ipv4("192.0.2.2");

    @Test
    @Points(2)
    @DisplayName("parses a captured SYN with its options")
    void parsesCapturedSyn() {
        byte[] data = Hex.parse(CAPTURED_SYN);
        TcpSegment s = TcpSegment.parse(data, 0, data.length);
        String what = "TcpSegment.parse(" + Hex.of(data) + "): ";
        assertEquals(List.of(50788, 18080), List.of(s.sourcePort(), s.destinationPort()), what + "ports (unsigned: 0xc664 = 50788)");
        assertEquals(3383694101L, s.sequenceNumber(), what + "the sequence number 0xc9af1315 is unsigned 32 bits: 3383694101, not negative");
        assertEquals(0L, s.acknowledgementNumber(), what + "acknowledgement number");
        assertEquals(10, s.dataOffset(), what + "data offset is the top 4 bits of byte 12: 0xa0 >> 4 = 10 words");
        assertEquals(TcpSegment.SYN, s.flags(), what + "flags are byte 13: 0x02, SYN");
        assertEquals(List.of(65495, 0xfe30, 0), List.of(s.window(), s.checksum(), s.urgentPointer()), what + "(window, checksum, urgent pointer)");
        assertEquals(Hex.of(Hex.parse("02 04 ff d7 04 02 08 0a df aa 7b ab 00 00 00 00 01 03 03 0a")), Hex.of(s.options()),
                what + "the options are bytes 20 to data offset x 4: MSS, SACK permitted, timestamps, NOP, window scale");
        assertEquals(0, s.payload().length, what + "a SYN carries no payload here");
    }

    @Test
    @Points(1)
    @DisplayName("tells the flags apart")
    void flags() {
        byte[] synAck = TestPackets.tcp(80, 40000, 1, 2, 0x12, 100, new byte[0], new byte[0], A, B);
        TcpSegment s = TcpSegment.parse(synAck, 0, synAck.length);
        assertTrue(s.has(TcpSegment.SYN) && s.has(TcpSegment.ACK), "flags 0x12 are SYN and ACK");
        assertFalse(s.has(TcpSegment.RST) || s.has(TcpSegment.FIN), "flags 0x12 have no RST nor FIN");
        byte[] all = TestPackets.tcp(80, 40000, 1, 2, 0xFF, 100, new byte[0], new byte[0], A, B);
        assertEquals(0xFF, TcpSegment.parse(all, 0, all.length).flags(), "flags 0xff: all eight control bits (CWR ... FIN), unsigned");
    }

    @Test
    @Points(2)
    @DisplayName("writes a segment byte for byte, with the pseudo-header checksum")
    void writes() {
        TcpSegment s = new TcpSegment(40000, 80, 0xFFFFFFFEL, 0x01020304L, TcpSegment.PSH | TcpSegment.ACK, 512, 0, 0,
                Hex.parse("02 04 05 b4"), "hi".getBytes(StandardCharsets.US_ASCII));
        byte[] expected = Hex.parse("9c 40 00 50 ff ff ff fe 01 02 03 04 60 18 02 00 09 0c 00 00 02 04 05 b4 68 69");
        byte[] got = s.toBytes(A, B);
        assertEquals(Hex.of(expected), Hex.of(got), () -> "a PSH+ACK from 192.0.2.1:40000 to 192.0.2.2:80, seq 0xfffffffe, 4 bytes of options, payload"
                + " \"hi\":\n expected " + Hex.of(expected) + "\n got      " + Hex.of(got) + "\nData offset 6 goes in the top 4 bits of byte 12;"
                + " the checksum covers the pseudo-header (protocol 6, TCP length 26), header, options and payload.");
    }

    @Test
    @Points(1)
    @DisplayName("takes everything after the header as payload")
    void payload() {
        byte[] data = TestPackets.tcp(1, 2, 3, 4, 0x18, 5, new byte[0], "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII), A, B);
        byte[] inside = TestPackets.concat(new byte[3], data, new byte[5]);
        TcpSegment s = TcpSegment.parse(inside, 3, data.length);
        assertEquals("GET / HTTP/1.1\r\n", new String(s.payload(), StandardCharsets.US_ASCII),
                "a segment at offset 3 of a larger array: the payload runs from the end of the header to offset + length");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "00 50 9c 40 00 00 00 01 00 00 00 00 50 02 ff ff 00 00 00       | header      | 19 bytes, one short of a header",
        "00 50 9c 40 00 00 00 01 00 00 00 00 40 02 ff ff 00 00 00 00    | data offset | data offset 4, under 5",
        "00 50 9c 40 00 00 00 01 00 00 00 00 60 02 ff ff 00 00 00 00 02 | data offset | data offset 6 (24 bytes) with 21 bytes there",
    })
    @Points(1)
    @DisplayName("rejects truncated and inconsistent segments, naming the field")
    void malformed(String hex, String field, String description) {
        byte[] data = Hex.parse(hex);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> TcpSegment.parse(data, 0, data.length),
                () -> "TcpSegment.parse(" + hex + ") with " + description + " must throw MalformedPacketException(\"" + field + "\", ...)");
        assertEquals(field, e.field(), () -> description + ": expected the field \"" + field + "\" but the exception named \"" + e.field() + "\"");
    }

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("throws nothing but MalformedPacketException on 100,000 random and mutated inputs (seeded)")
    void fuzz() {
        byte[] data = TestPackets.tcp(1, 2, 3, 4, 0x18, 5, new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), A, B);
        Fuzz.run("TcpSegment.parse", 9293, List.of(Hex.parse(CAPTURED_SYN), data), TcpSegment::parse);
    }
}
