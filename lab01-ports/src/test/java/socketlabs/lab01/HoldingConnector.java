package socketlabs.lab01;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A test peer that plays a slow network, on purpose: it holds the first connections of a scan
 * until more than {@code limit} are in flight together, or {@link #GRACE} has passed since
 * {@code limit} were, or {@link #HOLD} has passed since the first one; then it lets everything
 * through at once. Meanwhile it counts the most connections in flight at the same time. A
 * scanner that keeps to its limit reaches exactly {@code limit} while they are held; one with no
 * limit goes past it; one that works one port at a time stays at 1. Every connection "succeeds"
 * (OPEN).
 */
final class HoldingConnector implements Connector {
    /** The longest the first connections are held: long enough for every worker thread to start on a busy machine. */
    static final Duration HOLD = Duration.ofSeconds(5);
    /** Once {@code limit} connections are in flight, how long more are awaited before all are let through. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final int limit;
    private int inFlight;
    private int peak;
    private int calls;
    private long releaseAt;
    private boolean reachedLimit;
    private boolean released;

    HoldingConnector(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void connect(InetSocketAddress address, Duration timeout) {
        calls++;
        inFlight++;
        peak = Math.max(peak, inFlight);
        long now = System.nanoTime();
        if (releaseAt == 0) {
            releaseAt = now + HOLD.toNanos();
        }
        if (inFlight == limit && !reachedLimit) {
            reachedLimit = true; // the limit is reached: a scanner that would go past it has GRACE to show it
            releaseAt = Math.min(releaseAt, now + GRACE.toNanos());
            notifyAll();
        }
        try {
            long left;
            while (!released && inFlight <= limit && (left = releaseAt - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            released = true;
            notifyAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight--;
        }
    }

    /** The most connections that were in flight at the same time. */
    synchronized int peak() {
        return peak;
    }

    /** How many connections were tried. */
    synchronized int calls() {
        return calls;
    }
}
