package socketlabs.lab01;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How a {@link PortScanner} tries one port: open a TCP connection within a timeout, then close it.
 * The scanner's own connector does it with a real socket; tests pass connectors of their own to
 * play a network that loopback cannot (one that drops packets, one that answers late).
 * Provided, ready-made.
 */
@FunctionalInterface
public interface Connector {
    /**
     * Connects to {@code address} and closes the connection at once.
     *
     * @param address the host and port to try
     * @param timeout how long the connect may take
     * @throws java.net.SocketTimeoutException if no answer came within {@code timeout}
     * @throws java.net.ConnectException if the connection was refused
     * @throws IOException for any other failure (no route to host, too many open files...)
     */
    void connect(InetSocketAddress address, Duration timeout) throws IOException;
}
