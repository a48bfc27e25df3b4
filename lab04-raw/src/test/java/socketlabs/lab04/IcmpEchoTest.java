package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Points;

@DisplayName("Task 2 · ICMP echo")
class IcmpEchoTest {
    /** The ICMP part of packet 78 of ordinary.pcap: the kernel's echo reply to the system ping (id 0x6778, seq 1). */
    static final String CAPTURED_REPLY = "00 00 f6 82 67 78 00 01 86 6f 07 6b 00 00 00 00 50 56 05 00 00 00 00 00"
            + " 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f 30 31 32 33 34 35 36 37";

    @Test
    @Points(2)
    @DisplayName("writes an echo request byte for byte, with its checksum")
    void writesRequest() {
        byte[] got = IcmpEcho.request(1, 2, new byte[0]).toBytes();
        byte[] expected = Hex.parse("08 00 f7 fc 00 01 00 02");
        assertEquals(Hex.of(expected), Hex.of(got), () -> "IcmpEcho.request(1, 2, no payload).toBytes():\n expected " + Hex.of(expected)
                + "\n got      " + Hex.of(got) + "\nType 8, code 0, checksum, identifier and sequence big-endian.");
        byte[] withPayload = IcmpEcho.request(0x1234, 7, "abcde".getBytes(StandardCharsets.US_ASCII)).toBytes();
        byte[] expected2 = Hex.parse("08 00 bb fd 12 34 00 07 61 62 63 64 65");
        assertEquals(Hex.of(expected2), Hex.of(withPayload), () -> "IcmpEcho.request(0x1234, 7, \"abcde\").toBytes():\n expected " + Hex.of(expected2)
                + "\n got      " + Hex.of(withPayload) + "\nThe checksum covers the payload too, odd length included.");
    }

    @Test
    @Points(2)
    @DisplayName("parses a captured echo reply")
    void parsesReply() {
        byte[] data = TestPackets.concat(new byte[34], Hex.parse(CAPTURED_REPLY)); // behind the Ethernet and IPv4 headers
        IcmpEcho m = IcmpEcho.parse(data, 34, data.length - 34);
        String what = "IcmpEcho.parse(" + Hex.of(data, 34, 16) + " ...): ";
        assertEquals(List.of(0, 0, 0xf682, 0x6778, 1), List.of(m.type(), m.code(), m.checksum(), m.identifier(), m.sequence()),
                what + "(type, code, checksum, identifier, sequence)");
        assertEquals(56, m.payload().length, what + "the payload is everything after the 8-byte header: 56 bytes");
        assertEquals(0x37, m.payload()[55], what + "the payload's last byte");
    }

    @Test
    @Points(1)
    @DisplayName("writes messages that check to zero, whatever the payload")
    void checksOut() {
        for (int n = 0; n < 70; n++) {
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) (0xF0 + i);
            }
            byte[] m = new IcmpEcho(IcmpEcho.ECHO_REPLY, 0, 0, 0xFFFF, 0x8000 + n, payload).toBytes();
            int n2 = n;
            assertEquals(0, TestPackets.checksum(m, 0, m.length), () -> "an echo reply with a " + n2 + "-byte payload was written as "
                    + Hex.of(m) + " and does not check to 0: the checksum must cover the header and all the payload");
        }
    }

    @Test
    @Points(1)
    @DisplayName("rejects a message shorter than its 8-byte header")
    void tooShort() {
        byte[] data = Hex.parse("08 00 f7 fc 00 01 00");
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> IcmpEcho.parse(data, 0, data.length),
                "IcmpEcho.parse of 7 bytes must throw MalformedPacketException(\"header\", ...)");
        assertEquals("header", e.field(), "the field named for a message under 8 bytes");
    }

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("throws nothing but MalformedPacketException on 100,000 random and mutated inputs (seeded)")
    void fuzz() {
        Fuzz.run("IcmpEcho.parse", 792, List.of(Hex.parse(CAPTURED_REPLY), Hex.parse("08 00 f7 fc 00 01 00 02")), IcmpEcho::parse);
    }

    @Test
    @Points(1)
    @DisplayName("parses the Javadoc's 8-byte example: a header with no payload")
    void parsesExample() {
        byte[] data = Hex.parse("08 00 f7 fc 00 01 00 02");
        IcmpEcho m;
        try {
            m = IcmpEcho.parse(data, 0, 8);
        } catch (MalformedPacketException e) {
            throw new AssertionError("IcmpEcho.parse(08 00 f7 fc 00 01 00 02, 0, 8): 8 bytes are a whole header, but it"
                    + " threw " + e + ". Likely cause: < where <= is meant (or the other way round).", e);
        }
        assertEquals(List.of(8, 1, 2, 0), List.of(m.type(), m.identifier(), m.sequence(), m.payload().length),
                "IcmpEcho.parse(08 00 f7 fc 00 01 00 02): type, identifier, sequence, payload length");
    }
}
