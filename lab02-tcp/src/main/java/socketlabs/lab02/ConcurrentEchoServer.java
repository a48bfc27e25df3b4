package socketlabs.lab02;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Task 3: an echo server that serves many clients at once. The {@link EchoServer} of task 1 serves
 * one client at a time, so a client that connects and sends nothing holds up everyone else. This
 * one gives each connection a thread of its own: one thread accepts, and each accepted connection
 * is echoed (with {@link EchoServer#echo}) in a new thread.
 *
 * <p>Stopping matters as much as starting: {@link #close()} closes the listening socket and every
 * open connection, and waits until every thread the server started has ended.
 *
 * <pre>{@code
 * try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
 *     server.start();
 *     // 200 clients may now connect to 127.0.0.1:server.port() at the same time
 * }   // every connection closed, every thread ended
 * }</pre>
 */
public final class ConcurrentEchoServer implements Closeable {
    /** The port that {@link #main} listens on when given none. */
    public static final int DEFAULT_PORT = 7008;
    /** How many connections may wait to be accepted (the listen backlog). */
    public static final int BACKLOG = 1024;
    /** Every thread the server starts has a name that begins with this, e.g. "echo-accept", "echo-conn-41822". */
    public static final String THREAD_NAME_PREFIX = "echo-";
    /** How long {@link #close()} waits for the server's threads to end, in milliseconds. */
    public static final int STOP_WAIT_MILLIS = 5_000;

    private final InetAddress address;
    private final int requestedPort;

    /** A server for the loopback address (127.0.0.1); {@link #start()} binds it. */
    public ConcurrentEchoServer(int port) {
        this(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * A server for the given local address and port; {@link #start()} binds it.
     *
     * @param address the local address to listen on
     * @param port the port, 0-65535; 0 lets the system choose a free one
     */
    public ConcurrentEchoServer(InetAddress address, int port) {
        this.address = address;
        this.requestedPort = port;
    }

    /**
     * Binds the listening socket with a backlog of {@link #BACKLOG}, starts the accept thread, and
     * returns at once. Each accepted connection is echoed in a thread of its own until the client
     * closes its side; then the server closes the connection. A failing connection (reset by its
     * client, say) ends its own thread only. No thread is a daemon thread (see
     * {@link EchoServer#start()}): {@link #main} keeps serving after it returns.
     *
     * @throws IOException if the address and port cannot be bound
     * @throws IllegalStateException if the server was started already
     */
    public void start() throws IOException {
        // TODO lab02 task 3: accept in a loop; for each socket: remember it, start a named thread that echoes then closes it
        throw new UnsupportedOperationException("lab02 task 3: ConcurrentEchoServer.start is not written yet");
    }

    /**
     * The port the server listens on.
     *
     * @return the bound port, 1-65535
     * @throws IllegalStateException if the server has not been started
     */
    public int port() {
        // TODO lab02 task 3: ask the listening socket
        throw new UnsupportedOperationException("lab02 task 3: ConcurrentEchoServer.port is not written yet");
    }

    /**
     * How many client connections are open right now.
     *
     * @return the number of accepted connections not yet closed
     */
    public int openConnections() {
        // TODO lab02 task 3: keep the open sockets in a thread-safe set; remove each when it is closed
        throw new UnsupportedOperationException("lab02 task 3: ConcurrentEchoServer.openConnections is not written yet");
    }

    /**
     * Stops the server: closes the listening socket, so new connections are refused; closes every
     * open connection, so each client sees the end of the stream (a blocked {@code read()} on a
     * socket throws when another thread closes that socket: that is how its thread ends); then
     * waits up to {@link #STOP_WAIT_MILLIS} for every thread the server started to end: when it
     * returns, they have ended. Closing twice, or closing a server that never started, does
     * nothing. If the calling thread is interrupted (before or while it waits), close() still
     * closes the sockets, stops waiting, and returns with the thread's interrupt status set: it
     * never swallows an {@code InterruptedException}.
     */
    @Override
    public void close() throws IOException {
        // TODO lab02 task 3: close the ServerSocket, then every open Socket, then join() every thread
        throw new UnsupportedOperationException("lab02 task 3: ConcurrentEchoServer.close is not written yet");
    }

    /** Starts a concurrent echo server on 127.0.0.1 and the port given (default 7008) until the process is stopped. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        ConcurrentEchoServer server = new ConcurrentEchoServer(port);
        server.start();
        System.out.println("concurrent echo server listening on 127.0.0.1:" + server.port() + " (Ctrl-C stops it)");
    }
}
