package socketlabs.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;
import socketlabs.grading.Trace;

@DisplayName("Task 2 · Framing")
@ExtendWith({Trace.class, TestThreads.class})
class FramingTest {
    static final int MIB = 1024 * 1024;
    static final String OWN_BUFFER_HINT = "Likely cause: the codec wraps the stream in a BufferedReader or"
            + " BufferedInputStream of its own on each call; it reads ahead and keeps the bytes of the next"
            + " lines or frames, which the next call never sees. Read only from the stream given.";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static InputStream memory(String s) {
        return new ByteArrayInputStream(bytes(s));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] header(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    static byte[] frame(byte[] payload) {
        return concat(header(payload.length), payload);
    }

    /** Reads {@code n} lines, turning a failure into a message that says what was sent. */
    static List<String> readLines(InputStream in, int n, String done) {
        return readLines(in, n, done, new ArrayList<>());
    }

    private static List<String> readLines(InputStream in, int n, String done, List<String> lines) {
        for (int i = 0; i < n; i++) {
            try {
                lines.add(LineCodec.readLine(in, 1000));
            } catch (IOException e) {
                fail(done + "; expected " + n + " lines, got " + lines + " and then readLine threw " + e + ". "
                        + OWN_BUFFER_HINT, e);
            }
        }
        return lines;
    }

    /**
     * Reads as many lines from the pair's socket as were sent; when they are not the lines sent, the exchange
     * (the client's writes, readLine's reads) and the lines decoded go with the failure.
     */
    static List<String> readLines(LoopbackPair pair, List<String> sent, String done) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            return readLines(pair.in(), sent.size(), done, lines);
        } finally {
            if (!sent.equals(lines)) {
                pair.attach(done, utf8(sent), utf8(lines));
            }
        }
    }

    static List<byte[]> utf8(List<String> lines) {
        List<byte[]> out = new ArrayList<>();
        for (String l : lines) {
            if (l == null) {
                break; // the end of the stream: no more lines
            }
            out.add(bytes(l));
        }
        return out;
    }

    // ---- lines ----

    @Test
    @Points(2)
    @DisplayName("readLine returns each line without its \\n or \\r\\n ending, then null at the end")
    void readsBothEndings() throws IOException {
        InputStream in = memory("hello\nworld\r\n\r\na\rb\n");
        String done = "the stream held \"hello\\nworld\\r\\n\\r\\na\\rb\\n\"";
        List<String> lines = readLines(in, 4, done);
        assertEquals(List.of("hello", "world", "", "a\rb"), lines, done + ": a line ends at \\n; a \\r just before"
                + " it is part of the ending, a \\r anywhere else is part of the line");
        assertNull(LineCodec.readLine(in, 1000), done + ": after the last line, readLine must return null");
    }

    @ParameterizedTest(name = "sent {0}")
    @EnumSource(Delivery.class)
    @Points(3)
    @DisplayName("readLine decodes lines from a socket however the bytes are split")
    void readsSplitLines(Delivery delivery) throws IOException {
        List<String> sent = List.of("héllo wörld", "ünïcode splits: €", "");
        byte[] stream = bytes(String.join("\n", sent) + "\n");
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client.sendInBackground(stream, delivery, true);
            String done = "MisbehavingClient sent 3 UTF-8 lines [" + Hex.of(stream) + "] " + delivery;
            List<String> got = readLines(pair, sent, done);
            assertEquals(sent, got, done + ". Likely cause: a line taken from one read() instead of up to its"
                    + " \\n, or the bytes of one piece decoded alone (a 2- or 3-byte UTF-8 character split"
                    + " between pieces); decode the whole line once it is complete.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("readLine finds every line when several arrive in one write")
    void readsCoalescedLines() throws IOException {
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client.sendCoalesced(bytes("one\n"), bytes("two\r\n"), bytes("three\n"));
            String done = "MisbehavingClient sent \"one\\n\", \"two\\r\\n\" and \"three\\n\" coalesced into one write";
            assertEquals(List.of("one", "two", "three"), readLines(pair, List.of("one", "two", "three"), done), done);
        }
    }

    @Test
    @Points(2)
    @DisplayName("readLine refuses a line over the maximum without reading the rest of it")
    void refusesLongLine() {
        HostileStream in = HostileStream.endlessAfter(new byte[0], (byte) 'a');
        String done = "the stream held 'a' after 'a' with no \\n (16 MiB of them) and readLine had a maximum of 100";
        assertThrows(FrameTooLongException.class, () -> LineCodec.readLine(in, 100), done
                + "; expected FrameTooLongException as soon as byte 101 arrived");
        assertTrue(in.consumed() <= 102, () -> done + "; readLine threw as it should, but only after reading "
                + in.consumed() + " bytes. Check the length as each byte arrives, not after the end of the line:"
                + " a peer that never sends \\n must not make us read (and store) for ever.");
    }

    @Test
    @Points(2)
    @DisplayName("readLine returns null at a clean end, and throws on a stream that ends mid-line")
    void endOfStreamInLine() throws IOException {
        assertNull(LineCodec.readLine(memory(""), 100), "an empty stream holds no line: readLine must return null");
        FramingException e = assertThrows(FramingException.class, () -> LineCodec.readLine(memory("abc"), 100),
                "the stream held \"abc\" and ended, with no \\n: expected FramingException (a line cut short is not"
                        + " a line). Likely cause: -1 from read() taken as the end of the line.");
        assertTrue(!(e instanceof FrameTooLongException), "\"abc\" with a maximum of 100 is not too long: the stream"
                + " ended mid-line, so throw a plain FramingException");
        assertThrows(FramingException.class, () -> LineCodec.readLine(memory("abc\r"), 100),
                "the stream held \"abc\\r\" and ended: the \\n never came, so expected FramingException");
    }

    @Test
    @Points(1)
    @DisplayName("writeLine writes UTF-8 and one \\n, flushed, and refuses a line that holds \\n")
    void writesLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferedOutputStream buffered = new BufferedOutputStream(out)) { // what reaches out was flushed
            LineCodec.writeLine(buffered, "héllo");
            assertEquals("68 c3 a9 6c 6c 6f 0a", Hex.of(out.toByteArray()), "writeLine(a BufferedOutputStream, \"héllo\"):"
                    + " expected UTF-8 bytes then 0a to come out of the buffer. Likely cause: "
                    + (out.size() == 0 ? "no flush() at the end, so the line waits in the buffer and the peer never gets it."
                    : "the charset not named; use getBytes(StandardCharsets.UTF_8), never the platform default."));
        }
        assertThrows(IllegalArgumentException.class, () -> LineCodec.writeLine(new ByteArrayOutputStream(), "a\nb"),
                "writeLine(out, \"a\\nb\") would send two lines: it must throw IllegalArgumentException");
    }

    // ---- length-prefixed frames ----

    @Test
    @Points(2)
    @DisplayName("writeFrame writes a 4-byte big-endian length, then the payload, flushed")
    void writesBigEndianFrame() throws IOException {
        byte[] payload = new byte[258];
        new Random(2).nextBytes(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BufferedOutputStream buffered = new BufferedOutputStream(out)) { // what reaches out was flushed
            LengthPrefixedCodec.writeFrame(buffered, payload);
            if (out.size() == 0) {
                fail("writeFrame(a BufferedOutputStream, 258 bytes): nothing came out of the buffer. Likely cause: no"
                        + " flush() at the end, so the frame waits in the buffer and the peer never gets it.");
            }
            String difference = Hex.difference(frame(payload), out.toByteArray());
            if (difference != null) {
                fail("writeFrame(out, 258 bytes): expected 00 00 01 02 then the payload; " + difference
                        + ". Likely cause: the length written little-endian (02 01 00 00) or as one byte; the most"
                        + " significant byte goes first: (byte) (n >>> 24), (n >>> 16), (n >>> 8), n.");
            }
        }
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        LengthPrefixedCodec.writeFrame(empty, new byte[0]);
        assertEquals("00 00 00 00", Hex.of(empty.toByteArray()), "writeFrame(out, empty payload)");
    }

    @ParameterizedTest(name = "sent {0}")
    @EnumSource(Delivery.class)
    @Points(3)
    @DisplayName("readFrame decodes frames from a socket however the bytes are split")
    void readsSplitFrames(Delivery delivery) throws IOException {
        byte[] big = new byte[300];
        new Random(3).nextBytes(big);
        List<byte[]> sent = List.of(bytes("abc"), new byte[0], big, EchoTest.allByteValues());
        byte[] stream = concat(frame(sent.get(0)), frame(sent.get(1)), frame(sent.get(2)), frame(sent.get(3)));
        try (LoopbackPair pair = LoopbackPair.open()) {
            pair.client.sendInBackground(stream, delivery, true);
            String done = "MisbehavingClient sent 4 frames (3, 0, 300 and 512 bytes; stream starts ["
                    + Hex.of(stream) + "]) " + delivery + ", then half-closed";
            List<byte[]> decoded = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                byte[] got;
                try {
                    got = LengthPrefixedCodec.readFrame(pair.in(), MIB);
                } catch (IOException e) {
                    pair.attach(done, sent, decoded);
                    throw new AssertionError(done + "; frame " + (i + 1) + ": readFrame threw " + e + ". Likely causes:"
                            + " the length read in the wrong byte order (00 00 00 03 is 3 big-endian, 50331648"
                            + " little-endian); one read() taken as the whole header or payload (readNBytes loops); or"
                            + " a buffered stream of the codec's own that keeps the next frame's bytes.", e);
                }
                if (got == null) {
                    pair.attach(done, sent, decoded);
                    fail(done + "; frame " + (i + 1) + ": readFrame returned null, as if the stream had ended");
                }
                decoded.add(got);
                String difference = Hex.difference(sent.get(i), got);
                if (difference != null) {
                    pair.attach(done, sent, decoded);
                    fail(done + "; frame " + (i + 1) + " is wrong: " + difference + ". Likely cause: the length read"
                            + " little-endian, or a payload taken from a single read().");
                }
            }
            assertNull(LengthPrefixedCodec.readFrame(pair.in(), MIB), done + "; after the 4 frames the stream ended:"
                    + " readFrame must return null");
        }
    }

    @Test
    @Points(2)
    @DisplayName("readFrame refuses a declared length over the maximum, reading only the 4-byte header")
    void refusesHugeLength() {
        HostileStream in = HostileStream.endlessAfter(header(Integer.MAX_VALUE), (byte) 0);
        String done = "the stream declared a length of 2147483647 (7f ff ff ff) and readFrame had a maximum of 1048576";
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> LengthPrefixedCodec.readFrame(in, MIB),
                done + "; expected FrameTooLongException");
        assertEquals(4, in.consumed(), () -> done + "; readFrame threw, but after reading " + in.consumed()
                + " bytes instead of 4: check the length before reading any of the payload");
        assertTrue(String.valueOf(e.getMessage()).contains("2147483647"), () -> done + "; the exception's message"
                + " should give the declared length 2147483647, but was: " + e.getMessage());
    }

    @Test
    @Points(1)
    @DisplayName("readFrame refuses a negative length")
    void refusesNegativeLength() {
        HostileStream in = HostileStream.endlessAfter(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe}, (byte) 0);
        String done = "the stream declared the length ff ff ff fe (-2 as a signed int)";
        assertThrows(FramingException.class, () -> LengthPrefixedCodec.readFrame(in, MIB), done
                + "; expected FramingException. Likely cause: no check for length < 0 (new byte[-2] throws"
                + " NegativeArraySizeException), or the length read as unsigned.");
        assertEquals(4, in.consumed(), () -> done + "; readFrame read " + in.consumed() + " bytes instead of 4");
    }

    @Test
    @Points(1)
    @DisplayName("readFrame allocates nothing for a hostile length")
    void allocatesNothingForHostileLength() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        HostileStream in = HostileStream.endingAfter(header(64 * MIB));
        String done = "the stream declared a length of 64 MiB (04 00 00 00), with a maximum of 1 MiB";
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThrows(FrameTooLongException.class, () -> LengthPrefixedCodec.readFrame(in, MIB),
                done + "; expected FrameTooLongException");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < MIB, () -> done + "; readFrame threw as it should, but only after allocating "
                + allocated + " bytes. Check the length against the maximum before new byte[length]: a peer must not"
                + " be able to make us allocate whatever it declares.");
    }

    @Test
    @Points(2)
    @DisplayName("readFrame returns null at a clean end, and throws on a stream that ends inside a frame")
    void endOfStreamInFrame() throws IOException {
        assertNull(LengthPrefixedCodec.readFrame(new ByteArrayInputStream(new byte[0]), MIB),
                "an empty stream holds no frame: readFrame must return null");
        assertThrows(FramingException.class,
                () -> LengthPrefixedCodec.readFrame(new ByteArrayInputStream(new byte[] {0, 0}), MIB),
                "the stream held 00 00 and ended, inside the 4-byte length: expected FramingException");
        assertThrows(FramingException.class,
                () -> LengthPrefixedCodec.readFrame(new ByteArrayInputStream(concat(header(5), bytes("ab"))), MIB),
                "the stream held 00 00 00 05 61 62 and ended, 3 bytes short of the payload: expected FramingException."
                        + " Likely cause: the bytes that did arrive returned as the frame (readNBytes returns fewer at"
                        + " the end of the stream: compare the count).");
    }

    @Test
    @DisplayName("warm-up: a frame written by writeFrame is read back by readFrame")
    void roundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LengthPrefixedCodec.writeFrame(out, bytes("ping"));
        byte[] back = LengthPrefixedCodec.readFrame(new ByteArrayInputStream(out.toByteArray()), MIB);
        assertEquals(Hex.of(bytes("ping")), back == null ? "null" : Hex.of(back), "writeFrame(\"ping\") wrote ["
                + Hex.of(out.toByteArray()) + "]; readFrame of those bytes must give back \"ping\"");
    }

    @Test
    @Points(1)
    @DisplayName("readLine: a \\r as byte max + 1 may start the ending; the byte after it decides")
    void carriageReturnAtTheLimit() throws IOException {
        String hello;
        try {
            hello = LineCodec.readLine(memory("hello\r\n"), 5);
        } catch (FrameTooLongException e) {
            throw new AssertionError("readLine(\"hello\\r\\n\", max 5) threw " + e + "; the \\r is byte 6, but it is"
                    + " part of the ending, so the line \"hello\" is not too long. Likely cause: the \\r counted in the"
                    + " line's length as soon as it arrived; it counts only once the next byte shows it is not the"
                    + " ending.", e);
        }
        assertEquals("hello", hello, "readLine(\"hello\\r\\n\", max 5)");
        HostileStream in = HostileStream.endlessAfter(bytes("hello\r"), (byte) 'X');
        String done = "the stream held \"hello\\r\" and then 'X' after 'X' with no \\n, and readLine had a maximum of 5";
        assertThrows(FrameTooLongException.class, () -> LineCodec.readLine(in, 5), done + "; the \\r turned out to be"
                + " part of the line (no \\n after it), so the line has 6 bytes and more: expected FrameTooLongException");
        assertTrue(in.consumed() <= 7, () -> done + "; readLine threw, but only after reading " + in.consumed()
                + " bytes: once the byte after the \\r is not \\n, the line is too long");
        assertThrows(FrameTooLongException.class, () -> LineCodec.readLine(memory("hello\r\r\n"), 5),
                "readLine(\"hello\\r\\r\\n\", max 5): the line is \"hello\\r\", 6 bytes (only the \\r just before the \\n"
                        + " is part of the ending): expected FrameTooLongException");
    }

    @Test
    @Points(1)
    @DisplayName("all four bytes of the length count: 01 02 03 04 is 16909060")
    void lengthUsesAllFourBytes() throws IOException {
        HostileStream in = HostileStream.endlessAfter(new byte[] {1, 2, 3, 4}, (byte) 0);
        String done = "the stream declared the length 01 02 03 04 (16909060 big-endian) and readFrame had a maximum of"
                + " 1048576";
        FrameTooLongException e = assertThrows(FrameTooLongException.class, () -> LengthPrefixedCodec.readFrame(in, MIB),
                done + "; expected FrameTooLongException");
        assertTrue(String.valueOf(e.getMessage()).contains("16909060") && String.valueOf(e.getMessage()).contains("1048576"),
                () -> done + "; the message should give the declared length and the maximum, e.g. \"declared length"
                        + " 16909060 is over the maximum 1048576\", but was: " + e.getMessage() + ". Likely cause: a"
                        + " byte of the length shifted by the wrong amount, or a signed byte not masked (b & 0xff).");
        byte[] payload = new byte[0x01020304];
        java.io.OutputStream firstBytes = new java.io.OutputStream() { // keeps the first 8 bytes: 16 MB need not be stored
            final ByteArrayOutputStream kept = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (kept.size() < 8) {
                    kept.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                kept.write(b, off, Math.min(len, Math.max(0, 8 - kept.size())));
            }

            @Override
            public String toString() {
                return Hex.of(kept.toByteArray());
            }
        };
        LengthPrefixedCodec.writeFrame(firstBytes, payload);
        assertEquals("01 02 03 04 00 00 00 00", firstBytes.toString(), "writeFrame(out, a 16909060-byte payload of"
                + " zeros): the frame must start with the length 01 02 03 04, most significant byte first");
        assertEquals(0x8f, LengthPrefixedCodec.readFrame(new ByteArrayInputStream(concat(header(0x80),
                new byte[0x80 - 1], new byte[] {(byte) 0x8f})), MIB)[0x7f] & 0xff, "readFrame of the length 00 00 00 80"
                + " (128: its lowest byte's top bit set) must read 128 bytes. Likely cause: a signed byte not masked.");
    }
}
