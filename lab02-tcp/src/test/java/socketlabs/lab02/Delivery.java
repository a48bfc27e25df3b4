package socketlabs.lab02;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

/**
 * How a test peer hands bytes to TCP. A byte stream keeps no message boundaries, so a correct
 * reader gets the same bytes whichever way they were written; each constant is one way a real
 * network can split them. Each write is flushed, so the splits reach the reader as they are.
 */
enum Delivery {
    /** The whole message in one write: easy mode; a reader may still get it in pieces. */
    WHOLE("in one write"),
    /** One byte per write: a reader that treats one read() as one message sees only the first byte. */
    ONE_BYTE_WRITES("one byte per write"),
    /** Pieces of 1 to 7 bytes, cut at points drawn from a fixed seed: the same cuts on every run. */
    RANDOM_SPLITS("in pieces of 1-7 bytes (cut points from seed " + Delivery.SEED + ")"),
    /**
     * Two halves with a pause of {@value #PAUSE_MILLIS} ms between them, like a slow network. This
     * is the one place the tests pause on purpose: a reader must wait for the second half, not
     * take what came first as the whole message.
     */
    PAUSE_MID_MESSAGE("in two halves, " + Delivery.PAUSE_MILLIS + " ms apart");

    static final long SEED = 20_260_202L;
    static final int PAUSE_MILLIS = 150;

    final String description;

    Delivery(String description) {
        this.description = description;
    }

    /** Writes {@code bytes} to {@code out} the way this delivery says, flushing every piece. */
    void write(OutputStream out, byte[] bytes) throws IOException {
        switch (this) {
            case WHOLE:
                out.write(bytes);
                out.flush();
                break;
            case ONE_BYTE_WRITES:
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                }
                break;
            case RANDOM_SPLITS:
                Random random = new Random(SEED);
                for (int i = 0; i < bytes.length; ) {
                    int n = Math.min(bytes.length - i, 1 + random.nextInt(7));
                    out.write(bytes, i, n);
                    out.flush();
                    i += n;
                }
                break;
            case PAUSE_MID_MESSAGE:
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                out.flush();
                pause();
                out.write(bytes, half, bytes.length - half);
                out.flush();
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /** The slow network: the only deliberate pause in the tests (see {@link #PAUSE_MID_MESSAGE}). */
    private static void pause() throws IOException {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted during the slow-network pause");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
