package socketlabs.grading;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of one connection as a test peer saw them, for an {@code "exchange"} {@link Trace}: each
 * write and each read in the order they happened, with its boundaries, so that the report page can
 * show how a stream was cut (and where the code under test cut it differently). Bytes going from the
 * test's peer to the code under test are {@link Dir#OUT}, bytes coming back {@link Dir#IN}. Safe to
 * use from a writer thread and a reader thread at once. Small by design: at most {@value #MAX_BYTES}
 * bytes of each stream and {@value #MAX_CHUNKS} chunks are kept; the rest is only counted.
 *
 * <p>The trace: {@code kind "exchange"}, {@code peer} and {@code yours} (who is at each end),
 * {@code chunks} [{dir "out"|"in", op "write"|"read"|"event", at (the chunk's first byte in its
 * stream), len, hex (the bytes kept), asked (a read's length asked for), what (an event: "eof",
 * "halfclose", "reset", "timeout")}], {@code omitted} (chunks not kept), {@code totals} {"out write": [bytes, chunks], ...} (kept or not), {@code expected} (the hex
 * of what the IN stream should have carried, cut to {@value #MAX_BYTES} bytes), {@code expected_len},
 * and {@code frames} {expected [{hex, len}], actual [{hex, len}]}: the messages the code under test decoded.
 */
public final class Wire {
    /** Bytes kept of each stream (a direction, as written or as read). */
    public static final int MAX_BYTES = 2048;
    /** Chunks kept in all. */
    public static final int MAX_CHUNKS = 160;

    /** Which way bytes go: from the test's peer to the code under test, or back. */
    public enum Dir {
        OUT, IN;

        String json() {
            return this == OUT ? "out" : "in";
        }
    }

    private final String peer;
    private final String yours;
    private final List<Map<String, Object>> chunks = new ArrayList<>();
    private final Map<String, long[]> streams = new LinkedHashMap<>(); // "out write" -> {bytes so far, bytes kept, chunks}
    private int omitted;

    /** {@code peer}: the test's side ("test client"); {@code yours}: the code under test ("your EchoServer"). */
    public Wire(String peer, String yours) {
        this.peer = peer;
        this.yours = yours;
    }

    /** Records a write of {@code len} bytes from {@code b[off]}, one chunk. */
    public void wrote(Dir dir, byte[] b, int off, int len) {
        add(dir, "write", b, off, len, -1);
    }

    /** Records a read that asked for {@code asked} bytes and got {@code len} from {@code b[off]}. */
    public void read(Dir dir, byte[] b, int off, int len, int asked) {
        add(dir, "read", b, off, len, asked);
    }

    /** Records how a stream ended or stopped: "eof", "halfclose", "reset" or "timeout". */
    public synchronized void event(Dir dir, String what) {
        if (chunks.size() >= MAX_CHUNKS) {
            omitted++;
            return;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dir", dir.json());
        c.put("op", "event");
        c.put("what", what);
        chunks.add(c);
    }

    private synchronized void add(Dir dir, String op, byte[] b, int off, int len, int asked) {
        if (len <= 0) {
            return;
        }
        long[] s = streams.computeIfAbsent(dir.json() + " " + op, k -> new long[3]);
        long at = s[0];
        s[0] += len;
        s[2]++;
        if (chunks.size() >= MAX_CHUNKS) {
            omitted++;
            return;
        }
        int keep = (int) Math.max(0, Math.min(len, MAX_BYTES - s[1]));
        s[1] += keep;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dir", dir.json());
        c.put("op", op);
        c.put("at", at);
        c.put("len", len);
        c.put("hex", HexFormat.of().formatHex(b, off, off + keep));
        if (asked >= 0) {
            c.put("asked", asked);
        }
        chunks.add(c);
    }

    /** {@code out}, with every write recorded as a chunk going {@code dir}. */
    public OutputStream recording(OutputStream out, Dir dir) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                wrote(dir, new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                wrote(dir, b, off, len);
            }
        };
    }

    /** {@code in}, with every read recorded as a chunk going {@code dir}, with the length it asked for. */
    public InputStream recording(InputStream in, Dir dir) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int c = ended(dir, () -> in.read());
                if (c >= 0) {
                    Wire.this.read(dir, new byte[] {(byte) c}, 0, 1, 1);
                } else {
                    event(dir, "eof");
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = ended(dir, () -> in.read(b, off, len));
                if (n > 0) {
                    Wire.this.read(dir, b, off, n, len);
                } else if (n < 0) {
                    event(dir, "eof");
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                // through read, so that skipped bytes are seen too
                byte[] buffer = new byte[(int) Math.min(n, 8192)];
                int r = n <= 0 ? 0 : read(buffer, 0, buffer.length);
                return Math.max(0, r);
            }
        };
    }

    private interface Read {
        int read() throws IOException;
    }

    // a read that timed out or found the connection reset is recorded as such, and rethrown
    private int ended(Dir dir, Read read) throws IOException {
        try {
            return read.read();
        } catch (java.net.SocketTimeoutException e) {
            event(dir, "timeout");
            throw e;
        } catch (java.net.SocketException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("reset")) {
                event(dir, "reset");
            }
            throw e;
        }
    }

    /** The trace of what was recorded so far, {@code expected} (the IN stream's bytes as they should be) or null. */
    public synchronized Map<String, Object> trace(String title, byte[] expected) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", "exchange");
        if (title != null) {
            t.put("title", title);
        }
        t.put("peer", peer);
        t.put("yours", yours);
        t.put("chunks", new ArrayList<>(chunks));
        t.put("omitted", omitted);
        Map<String, Object> totals = new LinkedHashMap<>();
        streams.forEach((k, v) -> totals.put(k, List.of(v[0], v[2])));
        t.put("totals", totals);
        if (expected != null) {
            t.put("expected", HexFormat.of().formatHex(expected, 0, Math.min(expected.length, MAX_BYTES)));
            t.put("expected_len", expected.length);
        }
        return t;
    }

    /** {@code trace} with the messages the code under test decoded beside those it should have. */
    public static Map<String, Object> withFrames(Map<String, Object> trace, List<byte[]> expected, List<byte[]> actual) {
        Map<String, Object> frames = new LinkedHashMap<>();
        frames.put("expected", hexes(expected));
        frames.put("actual", hexes(actual));
        trace.put("frames", frames);
        return trace;
    }

    // each message as {hex, len}: at most 64 messages and MAX_BYTES bytes in all kept
    private static List<Map<String, Object>> hexes(List<byte[]> frames) {
        List<Map<String, Object>> out = new ArrayList<>();
        int kept = 0;
        for (byte[] f : frames) {
            if (out.size() >= 64) {
                break;
            }
            int keep = Math.max(0, Math.min(f.length, MAX_BYTES - kept));
            kept += keep;
            out.add(Map.of("hex", HexFormat.of().formatHex(f, 0, keep), "len", f.length));
        }
        return out;
    }

    /** Attaches the trace of what was recorded so far to the running test ({@link Trace#attach}). */
    public void attach(String title, byte[] expected) {
        Trace.attach(trace(title, expected));
    }
}
