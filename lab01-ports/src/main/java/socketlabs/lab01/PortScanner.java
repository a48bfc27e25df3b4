package socketlabs.lab01;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Task 5: a TCP connect scanner. To learn whether a port is open, try to connect: an accepted
 * connection means OPEN, a refused one CLOSED, and no answer within the timeout FILTERED. Ports
 * are tried concurrently, but never more than {@code maxInFlight} at once: each connection in
 * flight costs a socket, and a scanner that opens thousands at once runs out of file descriptors
 * or floods the host it scans.
 */
public final class PortScanner {
    private final int maxInFlight;
    private final Duration timeout;
    private final Connector connector;

    /**
     * A scanner that connects with real TCP sockets ({@link #connectTcp}).
     *
     * @param maxInFlight the most connections in flight at once, at least 1
     * @param timeout     how long to wait for each port's answer, at least 1 ms
     * @throws IllegalArgumentException if {@code maxInFlight < 1}, or {@code timeout} is null or
     *     shorter than 1 ms (a connect timeout of 0 ms would mean "wait forever")
     */
    public PortScanner(int maxInFlight, Duration timeout) {
        this(maxInFlight, timeout, PortScanner::connectTcp);
    }

    /**
     * A scanner that tries each port with {@code connector}: tests use it to play networks that
     * loopback cannot. Arguments as for {@link #PortScanner(int, Duration)}.
     *
     * @throws IllegalArgumentException as for {@link #PortScanner(int, Duration)}, or if
     *     {@code connector} is null
     */
    public PortScanner(int maxInFlight, Duration timeout, Connector connector) {
        // TODO lab01 task 5: check the three arguments before keeping them
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
        this.connector = connector;
    }

    /**
     * Opens a TCP connection to {@code address} within {@code timeout}, then closes it.
     * The scanner's own {@link Connector}.
     *
     * <p>One trap on loopback: the OS picks the connecting socket's own port from the ephemeral
     * range, and now and then it picks the very port being scanned. TCP then connects the socket
     * to itself (a "simultaneous open"), and the connect succeeds although nothing listens. A
     * socket whose local address and port equal its remote ones is such a self-connection:
     * report it as refused.
     *
     * @param address the host and port
     * @param timeout the connect timeout
     * @throws IOException as {@link java.net.Socket#connect(java.net.SocketAddress, int)} throws it;
     *     a {@link java.net.ConnectException} for a socket that connected to itself
     */
    static void connectTcp(InetSocketAddress address, Duration timeout) throws IOException {
        // TODO lab01 task 5: try-with-resources on a new Socket(), connect(address, timeout in ms)
        throw new UnsupportedOperationException("lab01 task 5: PortScanner.connectTcp is not written yet");
    }

    /**
     * Tries one port with the scanner's connector and timeout.
     *
     * <pre>{@code
     * scanner.probe(loopback, portWithAListener)  // OPEN
     * scanner.probe(loopback, portWithNoListener) // CLOSED
     * }</pre>
     *
     * @param host the host to scan
     * @param port the port to try, 1-65535
     * <p>One silence is not yet proof: on a loaded machine a connect can run out of time before
     * its SYN even leaves (the connecting thread waits for a core, the kernel for a free local
     * port), and a closed port would then look FILTERED. So a try that times out is made once
     * more, with the same timeout, and the second try's answer is the verdict. A refusal, an
     * acceptance and "no route" are answers from the network: they are never tried again.
     *
     * @return OPEN if the connector returned; CLOSED on a {@link java.net.ConnectException}
     *     (refused); FILTERED on a {@link java.net.NoRouteToHostException} (unreachable), or on a
     *     {@link java.net.SocketTimeoutException} (no answer) in the first try and again in the
     *     second; after one time-out, whatever the second try gives
     * @throws java.io.UncheckedIOException wrapping any other IOException: a local failure such as
     *     "too many open files" says nothing about the port, so it must not be reported as a state
     */
    public PortState probe(InetAddress host, int port) {
        // TODO lab01 task 5: call the connector, map each outcome to a PortState (order the catch clauses with care); retry a time-out once
        throw new UnsupportedOperationException("lab01 task 5: PortScanner.probe is not written yet");
    }

    /**
     * Scans ports {@code first} to {@code last} (both included) of {@code host}, each port probed
     * once with {@link #probe} (so a port is tried once, or twice when the first try times out),
     * each try given the timeout. {@code maxInFlight} ports are tried at once while enough remain
     * (a slow answer must not hold up the others), and never more than that.
     *
     * <pre>{@code
     * new PortScanner(64, Duration.ofMillis(500)).scan(InetAddress.getLoopbackAddress(), 20, 25)
     * // [20/tcp CLOSED, 21/tcp CLOSED, 22/tcp OPEN, 23/tcp CLOSED, 24/tcp CLOSED, 25/tcp OPEN]
     * }</pre>
     *
     * @param host  the host to scan
     * @param first the first port, at least 1 (port 0 cannot be connected to)
     * @param last  the last port, at most 65535, not below {@code first}
     * @return one result for every port, in port order (not in the order the answers came)
     * @throws IllegalArgumentException if the range is not within 1-65535 or {@code first > last}
     * @throws java.io.UncheckedIOException if a probe does (see {@link #probe})
     */
    public List<PortResult> scan(InetAddress host, int first, int last) {
        // TODO lab01 task 5: a fixed pool of maxInFlight threads, one task per port, then collect the answers in port order
        throw new UnsupportedOperationException("lab01 task 5: PortScanner.scan is not written yet");
    }
}
