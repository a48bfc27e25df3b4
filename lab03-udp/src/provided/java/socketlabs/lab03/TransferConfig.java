package socketlabs.lab03;

import java.time.Duration;

/**
 * The knobs of a reliable transfer (task 4). Provided, ready-made: nothing to write here.
 *
 * <pre>{@code
 * new TransferConfig(1000, Duration.ofMillis(50), 20)   // 1000-byte segments, 50 ms timer, 20 tries
 * }</pre>
 *
 * @param segmentSize the most payload bytes in one DATA segment (the last one may carry fewer)
 * @param timeout the retransmission timeout: how long a sender waits for an ACK before sending again
 * @param maxTries how many times a sender sends one segment, the first time included, before it
 *     gives up and throws: the peer is gone
 */
public record TransferConfig(int segmentSize, Duration timeout, int maxTries) {
    /** 1000-byte segments, a 50 ms timer, 20 tries: for the programs' {@code main}s on loopback. */
    public static final TransferConfig DEFAULT = new TransferConfig(1000, Duration.ofMillis(50), 20);

    public TransferConfig {
        if (segmentSize < 1 || segmentSize > Udp.MAX_DATAGRAM - Segment.HEADER_BYTES) {
            throw new IllegalArgumentException("segmentSize must be 1-" + (Udp.MAX_DATAGRAM - Segment.HEADER_BYTES) + ", not " + segmentSize);
        }
        if (timeout.isNegative() || timeout.isZero() || maxTries < 1) {
            throw new IllegalArgumentException("timeout must be positive and maxTries at least 1");
        }
    }

    /**
     * How long a side waits with nothing arriving before it decides the peer is gone:
     * {@code timeout * maxTries}, the time a sender spends on one segment before giving up.
     * The receiver uses it twice: as its limit while waiting for the sender, and as its lingering
     * time after the FIN (it stays to acknowledge a FIN sent again because the last ACK was lost).
     */
    public Duration giveUpAfter() {
        return timeout.multipliedBy(maxTries);
    }

    /** {@link #timeout()} in whole milliseconds, at least 1, for {@code setSoTimeout}. */
    public int timeoutMillis() {
        return (int) Math.max(1, timeout.toMillis());
    }
}
