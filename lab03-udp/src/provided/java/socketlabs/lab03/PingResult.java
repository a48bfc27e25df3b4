package socketlabs.lab03;

import java.util.Locale;

/**
 * The result of one ping: its round-trip time, or "timed out".
 * Provided, ready-made: {@link Pinger#ping} returns a list of these.
 *
 * @param seq the ping's sequence number
 * @param rttNanos the round-trip time in nanoseconds, or {@code -1} if no reply came in time
 */
public record PingResult(int seq, long rttNanos) {

    /** A ping whose reply came back after {@code rttNanos}. */
    public static PingResult replied(int seq, long rttNanos) {
        if (rttNanos < 0) {
            throw new IllegalArgumentException("a round-trip time cannot be negative: " + rttNanos);
        }
        return new PingResult(seq, rttNanos);
    }

    /** A ping with no reply in time. */
    public static PingResult timedOut(int seq) {
        return new PingResult(seq, -1);
    }

    /** True if the reply came back in time. */
    public boolean received() {
        return rttNanos >= 0;
    }

    /** The round-trip time in milliseconds (meaningful only if {@link #received()}). */
    public double rttMillis() {
        return rttNanos / 1e6;
    }

    /** One line, as {@code ping} prints it: {@code "seq=3 time=0.081 ms"} or {@code "seq=4 timed out"}. */
    @Override
    public String toString() {
        return received() ? String.format(Locale.ROOT, "seq=%d time=%.3f ms", seq, rttMillis()) : "seq=" + seq + " timed out";
    }
}
