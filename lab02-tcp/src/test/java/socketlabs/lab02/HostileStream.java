package socketlabs.lab02;

import java.io.InputStream;

/**
 * An in-memory stream from a hostile peer: a given prefix (a huge length, say), then either the
 * end of the stream or "endless" filler bytes (capped at 16 MiB so that a reader that reads it
 * all fails instead of running for ever). It counts the bytes consumed, so a test can tell
 * whether a reader refused early or read on.
 */
final class HostileStream extends InputStream {
    static final int FILLER_CAP = 16 * 1024 * 1024;

    private final byte[] prefix;
    private final int filler; // the filler byte, or -1 for none (the stream ends after the prefix)
    private long consumed;

    private HostileStream(byte[] prefix, int filler) {
        this.prefix = prefix;
        this.filler = filler;
    }

    /** The prefix, then the end of the stream. */
    static HostileStream endingAfter(byte[] prefix) {
        return new HostileStream(prefix, -1);
    }

    /** The prefix, then the byte {@code filler} over and over (up to the cap). */
    static HostileStream endlessAfter(byte[] prefix, byte filler) {
        return new HostileStream(prefix, filler & 0xff);
    }

    /** How many bytes the reader has taken so far. */
    long consumed() {
        return consumed;
    }

    @Override
    public int read() {
        if (consumed < prefix.length) {
            return prefix[(int) consumed++] & 0xff;
        }
        if (filler < 0 || consumed >= prefix.length + (long) FILLER_CAP) {
            return -1;
        }
        consumed++;
        return filler;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            int c = read();
            if (c == -1) {
                break;
            }
            b[off + n++] = (byte) c;
        }
        return n == 0 ? -1 : n;
    }
}
