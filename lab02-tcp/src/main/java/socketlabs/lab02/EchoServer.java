package socketlabs.lab02;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;

/**
 * Task 1: an echo server. It listens on a TCP port, accepts one client at a time, and sends back
 * every byte the client sends, until the client closes its side; then it closes the connection
 * and accepts the next client.
 *
 * <p>The life of a stream socket on the server side: create a {@link java.net.ServerSocket} bound
 * to an address and port (which listens), {@code accept()} a connection (a new {@link
 * java.net.Socket}), read and write its streams, close it. TCP is a byte stream: one
 * {@code read()} returns whatever has arrived so far, which may be one byte of what the client
 * wrote in one go, or parts of several writes.
 *
 * <pre>{@code
 * try (EchoServer server = new EchoServer(0)) {   // 0: any free port
 *     server.start();
 *     int port = server.port();                    // the port it really got, e.g. 40123
 *     // a client connecting to 127.0.0.1:port gets back what it sends
 * }
 * }</pre>
 */
public final class EchoServer implements Closeable {
    /** The port that {@link #main} listens on when given none. */
    public static final int DEFAULT_PORT = 7007;

    private final InetAddress address;
    private final int requestedPort;

    /** An echo server for the loopback address (127.0.0.1); {@link #start()} binds it. */
    public EchoServer(int port) {
        this(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * An echo server for the given local address and port; {@link #start()} binds it.
     *
     * @param address the local address to listen on, e.g. {@code InetAddress.getLoopbackAddress()}
     * @param port the port, 0-65535; 0 lets the system choose a free one
     */
    public EchoServer(InetAddress address, int port) {
        this.address = address;
        this.requestedPort = port;
    }

    /**
     * Binds the listening socket, then starts one background thread that accepts clients one after
     * another and echoes each with {@link #echo}; returns as soon as the server is listening.
     * The thread is not a daemon thread ({@code Thread.setDaemon(false)}; a thread started by a
     * daemon thread is a daemon too unless told otherwise): the JVM ends when only daemon threads
     * are left, so with one, {@link #main} would start the server and the process would end at
     * once. The backlog (how many connections may wait for {@code accept()}) may be the
     * {@code ServerSocket} default, 50: this server accepts each client only after the last.
     *
     * <p>One client's trouble never stops the server: if a connection fails (the client resets it,
     * for one), close that connection and accept the next client.
     *
     * @throws IOException if the address and port cannot be bound (port in use, for example)
     * @throws IllegalStateException if the server was started already
     */
    public void start() throws IOException {
        // TODO lab02 task 1: new ServerSocket(port, backlog, address), then a thread: accept, echo, close, repeat
        throw new UnsupportedOperationException("lab02 task 1: EchoServer.start is not written yet");
    }

    /**
     * The port the server listens on: the real one, even when it was created with port 0.
     *
     * @return the bound port, 1-65535
     * @throws IllegalStateException if the server has not been started
     */
    public int port() {
        // TODO lab02 task 1: ask the listening socket, not the constructor's argument
        throw new UnsupportedOperationException("lab02 task 1: EchoServer.port is not written yet");
    }

    /**
     * Stops the server: closes the listening socket (so that new connections are refused) and the
     * connection being served, if any, and waits for the accept thread to end, at most 5 seconds:
     * when it returns, that thread has ended. Closing twice, or closing a server that never
     * started, does nothing. If the calling thread is interrupted (before or while it waits),
     * close() still closes the sockets, stops waiting, and returns with the thread's interrupt
     * status set: it never swallows an {@code InterruptedException}.
     */
    @Override
    public void close() throws IOException {
        // TODO lab02 task 1: closing the ServerSocket makes the blocked accept() throw: end the loop there
        throw new UnsupportedOperationException("lab02 task 1: EchoServer.close is not written yet");
    }

    /**
     * Copies every byte from {@code in} to {@code out}, in order, until {@code in} ends; the bytes
     * of each read are written and flushed before the next read, so the peer gets its echo while
     * it is still sending.
     *
     * <pre>{@code
     * echo(new ByteArrayInputStream(new byte[] {1, 2, 3}), out) == 3   // out received 01 02 03
     * }</pre>
     *
     * @param in where the bytes come from (a socket's input stream)
     * @param out where they go (the same socket's output stream)
     * @return how many bytes were copied
     * @throws IOException if reading or writing fails
     */
    public static long echo(InputStream in, OutputStream out) throws IOException {
        // TODO lab02 task 1: read into a buffer; write exactly the n bytes read (not the whole buffer); stop at -1
        throw new UnsupportedOperationException("lab02 task 1: EchoServer.echo is not written yet");
    }

    /** Starts an echo server on 127.0.0.1 and the port given (default 7007) until the process is stopped. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        EchoServer server = new EchoServer(port);
        server.start();
        System.out.println("echo server listening on 127.0.0.1:" + server.port() + " (one client at a time; Ctrl-C stops it)");
    }
}
