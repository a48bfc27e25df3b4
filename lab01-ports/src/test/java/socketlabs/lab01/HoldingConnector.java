package socketlabs.lab01;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A test peer that plays a slow network, on purpose: it holds the first connections of a scan
 * until more than {@code limit} are in flight together or {@link #HOLD} has passed since the
 * first one, then lets everything through at once. Meanwhile it counts the most connections in
 * flight at the same time. A scanner that keeps to its limit reaches exactly {@code limit}
 * while they are held; one with no limit goes past it; one that works one port at a time
 * stays at 1. Every connection "succeeds" (OPEN).
 */
final class HoldingConnector implements Connector {
    /** How long the first connections are held: long enough for every worker thread to start. */
    static final Duration HOLD = Duration.ofSeconds(1);

    private final int limit;
    private int inFlight;
    private int peak;
    private int calls;
    private long releaseAt;
    private boolean released;

    HoldingConnector(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void connect(InetSocketAddress address, Duration timeout) {
        calls++;
        inFlight++;
        peak = Math.max(peak, inFlight);
        if (releaseAt == 0) {
            releaseAt = System.nanoTime() + HOLD.toNanos();
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
