package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

@DisplayName("Task 1 · The Internet checksum")
class ChecksumTest {

    private static void expect(int expected, String hex, String why) {
        byte[] data = Hex.parse(hex);
        int got = Checksum.of(data, 0, data.length);
        assertEquals(expected, got, () -> "Checksum.of(" + hex + "): expected " + Hex.u16(expected) + " but got " + Hex.u16(got) + ". " + why);
    }

    @Test
    @Points(2)
    @DisplayName("computes the example of RFC 1071 section 3")
    void rfc1071Example() {
        // RFC 1071: the words 0001 f203 f4f5 f6f7 sum to 0x2ddf0, folded 0xddf2; the checksum is its complement
        expect(0x220d, "00 01 f2 03 f4 f5 f6 f7", "Add the data as 16-bit big-endian words, fold the carries back in, then complement.");
    }

    @Test
    @Points(2)
    @DisplayName("computes the checksum of a real IPv4 header")
    void ipv4Header() {
        expect(0xb861, "45 00 00 73 00 00 40 00 40 11 00 00 c0 a8 00 01 c0 a8 00 c7",
                "This header (checksum field zero) is the usual textbook example; its checksum is 0xb861.");
    }

    @Test
    @Points(2)
    @DisplayName("pads an odd last byte with a zero byte on its right")
    void oddLength() {
        expect(0xfbfd, "01 02 03", "With an odd length the last byte is the HIGH byte of a word: 0x0102 + 0x0300 = 0x0402,"
                + " complement 0xfbfd. Treating it as 0x0003 gives 0xfefa.");
    }

    @Test
    @Points(2)
    @DisplayName("folds every carry back in, even one that the first fold makes")
    void carries() {
        expect(0xfffe, "ff ff 00 01", "0xffff + 0x0001 = 0x10000; the carry is added back in (ones' complement): 0x0001, complement 0xfffe.");
        expect(0xfffe, "ff ff ff ff 00 01", "0xffff + 0xffff + 0x0001 = 0x1ffff; folding once gives 0x10000, which carries again:"
                + " fold until nothing is above 16 bits.");
        expect(0x0000, "ff ff", "A sum of 0xffff complements to 0.");
        expect(0xfefe, "80 80 80 80", "Bytes are unsigned: mask with & 0xFF before shifting, or 0x80 becomes negative.");
    }

    @Test
    @Points(2)
    @DisplayName("gives zero over a header that carries its own checksum")
    void verifiesToZero() {
        expect(0, "45 00 00 73 00 00 40 00 40 11 b8 61 c0 a8 00 01 c0 a8 00 c7", "A receiver checks a header by summing it"
                + " with its checksum in place: the result is 0 when nothing changed.");
        // the IPv4 header of the first packet of ordinary.pcap, recorded on loopback
        expect(0, "45 00 00 3c 40 f6 40 00 40 06 fb c3 7f 00 00 01 7f 00 00 01", "This header was captured with tcpdump.");
    }

    @Test
    @Points(1)
    @DisplayName("reads only the range it is given")
    void range() {
        byte[] data = Hex.parse("ee ee ee 00 01 f2 03 f4 f5 f6 f7 ee ee");
        int got = Checksum.of(data, 3, 8);
        assertEquals(0x220d, got, () -> "Checksum.of(" + Hex.of(data) + ", offset 3, length 8): expected 0x220d (the RFC 1071"
                + " example inside a larger array) but got " + Hex.u16(got) + ". Start at offset and stop after length bytes.");
    }

    @Test
    @Points(1)
    @DisplayName("gives 0xffff for no bytes at all")
    void empty() {
        expect(0xffff, "", "The sum of no words is 0; its complement is 0xffff.");
    }

    @Test
    @Points(2)
    @DisplayName("agrees with a reference on 2,000 random byte ranges (seeded)")
    void random() {
        Random random = new Random(1071);
        for (int i = 0; i < 2000; i++) {
            byte[] data = new byte[random.nextInt(1600)];
            random.nextBytes(data);
            int offset = data.length == 0 ? 0 : random.nextInt(data.length);
            int length = random.nextInt(data.length - offset + 1);
            int expected = TestPackets.checksum(data, offset, length);
            int got = Checksum.of(data, offset, length);
            int n = i;
            assertEquals(expected, got, () -> "case " + n + ": Checksum.of over " + length + " bytes at offset " + offset + " ("
                    + Hex.of(Arrays.copyOfRange(data, offset, offset + length)) + "): expected " + Hex.u16(expected) + " but got " + Hex.u16(got)
                    + (length % 2 == 1 ? ". The length is odd: is the last byte padded on its right?" : "."));
        }
    }

    @Test
    @Points(1)
    @DisplayName("withPseudoHeader: a segment over 255 bytes puts both bytes of its length in the pseudo-header")
    void longSegment() {
        byte[] segment = new byte[0x0123];
        new java.util.Random(1071).nextBytes(segment);
        java.net.Inet4Address a = Addresses.ipv4("192.0.2.1");
        java.net.Inet4Address b = Addresses.ipv4("192.0.2.200");
        int expected = TestPackets.pseudoHeaderChecksum(a, b, 17, segment);
        int got = Checksum.withPseudoHeader(a, b, 17, segment, 0, segment.length);
        assertEquals(expected, got, () -> "Checksum.withPseudoHeader(192.0.2.1, 192.0.2.200, 17, a 291-byte segment"
                + " (length 01 23)): expected " + Hex.u16(expected) + " but got " + Hex.u16(got) + ". Likely cause: only"
                + " the low byte of the length written into the pseudo-header (bytes 10-11 are length >>> 8, length).");
    }
}
