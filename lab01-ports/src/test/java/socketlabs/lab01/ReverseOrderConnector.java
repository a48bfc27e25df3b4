package socketlabs.lab01;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A test peer that plays a network whose answers come back out of order, on purpose: port p
 * answers only after port p+1 has answered, or after {@link #PATIENCE} if p+1 is not being tried.
 * Among the ports in flight together, the highest answers first and the lowest last. Every
 * connection succeeds (OPEN). A scanner that lists results as they arrive lists them backwards.
 */
final class ReverseOrderConnector implements Connector {
    /** The most a port waits for the next one: short, as the wait is only there to reorder. */
    static final Duration PATIENCE = Duration.ofMillis(50);

    private final Set<Integer> answered = new HashSet<>();

    @Override
    public synchronized void connect(InetSocketAddress address, Duration timeout) {
        int port = address.getPort();
        long until = System.nanoTime() + PATIENCE.toNanos();
        try {
            long left;
            while (!answered.contains(port + 1) && (left = until - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answered.add(port);
        notifyAll();
    }
}
