package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import socketlabs.grading.Points;

@DisplayName("Task 3 · Reading captures")
class PcapFileTest {

    @Test
    @Points(2)
    @DisplayName("reads the header and every record of a tcpdump capture")
    void readsCapture() throws IOException {
        PcapFile f = Fixtures.read(Fixtures.ORDINARY);
        String what = Fixtures.ORDINARY + " (written by tcpdump -i lo on x86, so little-endian, microseconds): ";
        assertEquals(ByteOrder.LITTLE_ENDIAN, f.byteOrder(), what + "the magic number reads d4 c3 b2 a1: little-endian");
        assertEquals(false, f.nanosecond(), what + "magic 0xa1b2c3d4 means microseconds");
        assertEquals(List.of(2, 4), List.of(f.versionMajor(), f.versionMinor()), what + "version 2.4");
        assertEquals(262144, f.snapLength(), what + "snap length");
        assertEquals(PcapFile.LINKTYPE_ETHERNET, f.linkType(), what + "link type 1, Ethernet: what Linux gives for lo");
        assertEquals(80, f.records().size(), what + "tshark counts 80 packets");
    }

    @Test
    @Points(1)
    @DisplayName("reads each record's timestamp to the microsecond and its lengths")
    void firstRecord() throws IOException {
        PcapRecord r = Fixtures.read(Fixtures.ORDINARY).records().get(0);
        assertEquals(Instant.parse("2026-11-25T23:30:12.282249Z"), r.timestamp(), "the first record's time (tshark: 1795649412.282249000):"
                + " seconds since 1970, then microseconds, both unsigned 32 bits in the file's byte order");
        assertEquals(74, r.originalLength(), "the first record's original length");
        assertEquals(74, r.data().length, "the first record's captured length: 74 bytes (Ethernet 14 + IPv4 20 + TCP 40)");
        assertEquals("45 00", Hex.of(r.data(), 14, 2), "the frame's bytes 14-15 begin the IPv4 header");
    }

    @Test
    @Points(2)
    @DisplayName("reads a big-endian file the same as a little-endian one")
    void bigEndian() throws IOException {
        PcapFile le = Fixtures.read(Fixtures.ORDINARY);
        PcapFile be = Fixtures.read(Fixtures.ORDINARY_SWAPPED);
        assertEquals(ByteOrder.BIG_ENDIAN, be.byteOrder(), Fixtures.ORDINARY_SWAPPED + " begins a1 b2 c3 d4: big-endian");
        assertEquals(le.records().size(), be.records().size(), "the same packets, written in the other byte order");
        for (int i = 0; i < le.records().size(); i++) {
            PcapRecord a = le.records().get(i);
            PcapRecord b = be.records().get(i);
            int n = i + 1;
            assertEquals(a.timestamp(), b.timestamp(), () -> "record " + n + "'s time: every header field follows the file's byte order");
            assertEquals(allHex(a.data()), allHex(b.data()), () -> "record " + n + "'s bytes: the packet itself is never swapped");
        }
        assertEquals(PcapFile.LINKTYPE_ETHERNET, be.linkType(), "the link type, read big-endian");
    }

    @Test
    @Points(2)
    @DisplayName("reads nanosecond timestamps")
    void nanoseconds() throws IOException {
        PcapFile f = Fixtures.read(Fixtures.SCAN);
        assertTrue(f.nanosecond(), Fixtures.SCAN + " was recorded with --time-stamp-precision=nano: magic 0xa1b23c4d");
        assertEquals(Instant.parse("2026-11-25T23:30:18.711994788Z"), f.records().get(0).timestamp(),
                "the first record's time (tshark: 1795649418.711994788): the fraction is in nanoseconds");
        assertEquals(208, f.records().size(), "tshark counts 208 packets");
    }

    @Test
    @Points(1)
    @DisplayName("reads raw-IP captures in both byte orders")
    void rawIp() throws IOException {
        PcapFile ethernet = Fixtures.read(Fixtures.SCAN);
        for (String name : List.of(Fixtures.SCAN_RAWIP, Fixtures.SCAN_RAWIP_SWAPPED)) {
            PcapFile raw = Fixtures.read(name);
            assertEquals(PcapFile.LINKTYPE_RAW, raw.linkType(), name + ": link type 101, raw IP");
            assertEquals(ethernet.records().size(), raw.records().size(), name + ": the same packets as " + Fixtures.SCAN);
            for (int i = 0; i < raw.records().size(); i++) {
                byte[] frame = ethernet.records().get(i).data();
                int n = i + 1;
                assertEquals(allHex(Arrays.copyOfRange(frame, 14, frame.length)), allHex(raw.records().get(i).data()),
                        () -> name + " record " + n + ": the Ethernet frame without its 14-byte header");
                assertEquals(ethernet.records().get(i).timestamp(), raw.records().get(i).timestamp(), () -> name + " record " + n + "'s time");
            }
        }
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "empty             | file header     | an empty file",
        "bad magic         | magic number    | the magic number 0x0a0d0d0a of a pcapng file",
        "version 3         | version         | version 3.0",
        "cut header        | record header   | a file that ends 10 bytes into a record header",
        "huge record       | captured length | a captured length of 0x7fffffff",
        "short original    | original length | an original length smaller than the captured length",
        "cut data          | packet data     | a file that ends inside a packet",
    })
    @Points(2)
    @DisplayName("rejects broken files, naming the field")
    void malformed(String kind, String field, String description) {
        byte[] good = TestPcap.write(ByteOrder.LITTLE_ENDIAN, false, 1, List.of(new TestPcap.Rec(1, 2, new byte[60])));
        byte[] file = switch (kind) {
            case "empty" -> new byte[0];
            case "bad magic" -> patch(good, 0, 0x0a, 0x0d, 0x0d, 0x0a);
            case "version 3" -> patch(good, 4, 3, 0, 0, 0);
            case "cut header" -> Arrays.copyOf(good, 24 + 10);
            case "huge record" -> patch(good, 24 + 8, 0xff, 0xff, 0xff, 0x7f);
            case "short original" -> patch(good, 24 + 12, 59, 0, 0, 0);
            case "cut data" -> Arrays.copyOf(good, good.length - 1);
            default -> throw new IllegalArgumentException(kind);
        };
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> PcapFile.read(new ByteArrayInputStream(file)),
                () -> "PcapFile.read of " + description + " (" + Hex.of(file) + ") must throw MalformedPacketException(\"" + field + "\", ...)");
        assertEquals(field, e.field(), () -> description + ": expected the field \"" + field + "\" but the exception named \"" + e.field()
                + "\" (" + e.getMessage() + ")");
    }

    private static byte[] patch(byte[] b, int at, int... values) {
        byte[] copy = b.clone();
        for (int i = 0; i < values.length; i++) {
            copy[at + i] = (byte) values[i];
        }
        return copy;
    }

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("throws nothing but MalformedPacketException on 100,000 random and mutated files (seeded)")
    void fuzz() {
        List<byte[]> valid = new ArrayList<>();
        valid.add(TestPcap.write(ByteOrder.LITTLE_ENDIAN, false, 1, List.of(new TestPcap.Rec(1, 2, new byte[20]), new TestPcap.Rec(3, 4, new byte[9]))));
        valid.add(TestPcap.write(ByteOrder.BIG_ENDIAN, true, 101, List.of(new TestPcap.Rec(5, 999_999_999, new byte[30]))));
        Fuzz.run("PcapFile.read", 1988, valid, (data, offset, length) -> PcapFile.read(new ByteArrayInputStream(data, offset, length)));
    }

    @Test
    @Points(1)
    @DisplayName("reads a file by its path; a record of exactly MAX_CAPTURED_LENGTH bytes is accepted, one more is refused")
    void pathAndLimit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        byte[] file = TestPcap.write(ByteOrder.LITTLE_ENDIAN, false, 1,
                List.of(new TestPcap.Rec(7, 8, new byte[PcapFile.MAX_CAPTURED_LENGTH])));
        java.nio.file.Path path = dir.resolve("big.pcap");
        java.nio.file.Files.write(path, file);
        PcapFile f = PcapFile.read(path);
        assertEquals(1, f.records().size(), "PcapFile.read(path) of a file with one record of exactly "
                + PcapFile.MAX_CAPTURED_LENGTH + " bytes (MAX_CAPTURED_LENGTH): the limit itself is allowed");
        assertEquals(PcapFile.MAX_CAPTURED_LENGTH, f.records().get(0).data().length, "the record's bytes");
        byte[] over = TestPcap.write(ByteOrder.LITTLE_ENDIAN, false, 1,
                List.of(new TestPcap.Rec(7, 8, new byte[PcapFile.MAX_CAPTURED_LENGTH + 1])));
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> PcapFile.read(new ByteArrayInputStream(over)), "a record of MAX_CAPTURED_LENGTH + 1 bytes");
        assertEquals("captured length", e.field(), "the field named for a record over MAX_CAPTURED_LENGTH");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cut header  | record header",
        "huge record | captured length",
        "short orig  | original length",
        "cut data    | packet data",
    })
    @Points(1)
    @DisplayName("a broken second record is refused with a message that names record 2")
    void namesTheRecord(String kind, String field) {
        byte[] two = TestPcap.write(ByteOrder.BIG_ENDIAN, false, 1,
                List.of(new TestPcap.Rec(1, 2, new byte[60]), new TestPcap.Rec(3, 4, new byte[60])));
        int second = 24 + 16 + 60;
        byte[] file = switch (kind) {
            case "cut header" -> Arrays.copyOf(two, second + 10);
            case "huge record" -> patch(two, second + 8, 0x7f, 0xff, 0xff, 0xff);
            case "short orig" -> patch(two, second + 12, 0, 0, 0, 59);
            case "cut data" -> Arrays.copyOf(two, two.length - 1);
            default -> throw new IllegalArgumentException(kind);
        };
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> PcapFile.read(new ByteArrayInputStream(file)), () -> "a file whose second record is broken ("
                        + kind + "): MalformedPacketException(\"" + field + "\", ...) expected");
        assertEquals(field, e.field(), "the field named");
        assertTrue(String.valueOf(e.getMessage()).contains("record 2"), () -> "a file whose first record is sound and"
                + " whose second is broken (" + kind + "): the message must say which record, counting from 1 (\"record"
                + " 2\"), but was: " + e.getMessage());
    }

    /** Every byte in hex, so that a difference shows as bytes, not as signed decimals. */
    private static String allHex(byte[] b) {
        return Hex.of(b, 0, Math.min(b.length, 96)) + (b.length > 96 ? " " + allHex(java.util.Arrays.copyOfRange(b, 96, b.length)) : "");
    }
}
