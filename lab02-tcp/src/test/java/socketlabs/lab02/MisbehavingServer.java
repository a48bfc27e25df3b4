package socketlabs.lab02;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import socketlabs.grading.Wire;

/**
 * A test server for the clients under test, with the behaviours of real servers, good and bad,
 * each named: echoing with split writes, closing early, never replying, replying only after the
 * end of the request, going silent mid-reply, and resetting the connection. It listens on
 * 127.0.0.1, port 0, and serves its connections one after another in one thread; every socket
 * it accepts has a read timeout and small socket buffers (so a client that writes a lot without
 * reading the replies blocks for good, as it would against a busy server). Each connection's writes
 * and reads are recorded ({@link #wire}), for the report page of a test that fails.
 */
final class MisbehavingServer implements AutoCloseable {
    static final int READ_TIMEOUT_MILLIS = 5_000;
    /** The socket buffer sizes of this server, like a busy host's: 64 KiB each way. */
    static final int SMALL_BUFFER = 64 * 1024;
    /** The longest a silent connection is held open if close() is never called. */
    static final int HOLD_MAX_SECONDS = 60;

    /** What the server does with one connection. */
    @FunctionalInterface
    interface Behaviour {
        void serve(Socket connection, MisbehavingServer server) throws IOException;
    }

    private final ServerSocket listener;
    private final Thread thread;
    private volatile Socket current;
    private volatile Wire wire = new Wire("test server", "your client");
    private final CountDownLatch closed = new CountDownLatch(1);

    private MisbehavingServer(String name, Behaviour behaviour) throws IOException {
        listener = new ServerSocket();
        listener.setReceiveBufferSize(SMALL_BUFFER); // small, fixed buffers: a client that never reads blocks soon
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        listener.setSoTimeout(READ_TIMEOUT_MILLIS); // accept() wakes up now and then; the loop ends once close() ran
        thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket connection = listener.accept()) {
                    current = connection;
                    wire = new Wire("test server", "your client");
                    connection.setSoTimeout(READ_TIMEOUT_MILLIS);
                    connection.setSendBufferSize(SMALL_BUFFER);
                    behaviour.serve(connection, this);
                } catch (IOException e) {
                    // the client under test went away, or close() was called: next connection
                }
            }
        }, "misbehaving-server-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Echoes every byte as it arrives, writing each piece the way {@code delivery} says. */
    static MisbehavingServer echoing(Delivery delivery) throws IOException {
        return new MisbehavingServer("echoing", (connection, server) -> {
            InputStream in = server.in(connection);
            OutputStream out = server.out(connection);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                delivery.write(out, java.util.Arrays.copyOf(buffer, n));
            }
        });
    }

    /**
     * Close early: echoes the first {@code limit} bytes, then closes its side in the middle of the
     * echo; the client reads the end of the stream where the rest of its echo should be.
     */
    static MisbehavingServer closingAfter(int limit) throws IOException {
        return new MisbehavingServer("closing-early", (connection, server) -> {
            InputStream in = server.in(connection);
            OutputStream out = server.out(connection);
            byte[] buffer = new byte[8192];
            int echoed = 0;
            while (echoed < limit) {
                int n = in.read(buffer, 0, Math.min(buffer.length, limit - echoed));
                if (n == -1) {
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                echoed += n;
            }
            // an orderly close of our side (FIN), then drain: closing with unread bytes would send a reset instead
            connection.shutdownOutput();
            server.wire.event(Wire.Dir.OUT, "halfclose");
            server.holdOpen(connection);
        });
    }

    /** Reads the whole request, up to the client's half-close, and only then sends {@code reply(request)} and closes. */
    static MisbehavingServer replyingAfterEndOfRequest(UnaryOperator<byte[]> reply, Delivery delivery) throws IOException {
        return new MisbehavingServer("replying-after-eof", (connection, server) -> {
            byte[] request = server.readRequest(connection);
            delivery.write(server.out(connection), reply.apply(request));
        });
    }

    /** Never replies: reads and discards the request, and keeps the connection open and silent. */
    static MisbehavingServer neverReplying() throws IOException {
        return new MisbehavingServer("never-replying", (connection, server) -> {
            server.readRequest(connection);
            server.holdOpen(connection);
        });
    }

    /**
     * Silent from the start: never sends a byte, and never gives up on its side either; reads and
     * discards what the client sends, and keeps the connection open until close().
     */
    static MisbehavingServer silent() throws IOException {
        return new MisbehavingServer("silent", (connection, server) -> server.holdOpen(connection));
    }

    /** Goes silent mid-reply: after the request, sends {@code part} and then nothing, keeping the connection open. */
    static MisbehavingServer silentAfter(byte[] part) throws IOException {
        return new MisbehavingServer("silent-mid-reply", (connection, server) -> {
            server.readRequest(connection);
            server.out(connection).write(part);
            server.out(connection).flush();
            server.holdOpen(connection);
        });
    }

    /** Reset: reads the whole request, then aborts the connection (SO_LINGER 0, so close() sends an RST). */
    static MisbehavingServer resettingAfterRequest() throws IOException {
        return new MisbehavingServer("resetting", (connection, server) -> {
            server.readRequest(connection);
            connection.setSoLinger(true, 0);
            server.wire.event(Wire.Dir.OUT, "reset");
        });
    }

    /**
     * Sends, then resets: reads the whole request, sends {@code part}, then aborts the connection
     * (SO_LINGER 0: an RST). On loopback the bytes reach the client's receive buffer before the
     * reset; its reads return them first, then fail with "Connection reset". The client must keep them.
     */
    static MisbehavingServer replyingThenResetting(byte[] part) throws IOException {
        return new MisbehavingServer("replying-then-resetting", (connection, server) -> {
            server.readRequest(connection);
            server.out(connection).write(part);
            server.out(connection).flush();
            connection.setSoLinger(true, 0);
            server.wire.event(Wire.Dir.OUT, "reset");
        });
    }

    /** The pause between two pieces of {@link #drippingReply}: a slow network, on purpose. */
    static final int DRIP_MILLIS = 150;

    /**
     * A slow network: after the request, sends {@code reply} in {@code pieces} pieces with a pause of
     * {@value #DRIP_MILLIS} ms after each, then closes. Each read waits less than a client's time-out,
     * while the whole reply takes longer: a time-out is for each read, not for the exchange. With
     * {@link Delivery#PAUSE_MID_MESSAGE}, one of the deliberate pauses in the tests.
     */
    static MisbehavingServer drippingReply(byte[] reply, int pieces) throws IOException {
        return new MisbehavingServer("dripping-reply", (connection, server) -> {
            server.readRequest(connection);
            OutputStream out = server.out(connection);
            int size = (reply.length + pieces - 1) / pieces;
            for (int i = 0; i < reply.length; i += size) {
                out.write(reply, i, Math.min(size, reply.length - i));
                out.flush();
                try {
                    Thread.sleep(DRIP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Reads until the client's half-close; a timeout means the client never said it was done. */
    private byte[] readRequest(Socket connection) throws IOException {
        return in(connection).readAllBytes();
    }

    /**
     * Keeps a connection open without a word until close(): first drains what the client still
     * sends (closing with unread bytes would send a reset), then waits for close().
     */
    private void holdOpen(Socket connection) throws IOException {
        byte[] discard = new byte[8192];
        try {
            while (in(connection).read(discard) != -1) {
                // discard: only the silence matters
            }
        } catch (SocketTimeoutException e) {
            // the client is silent too: go on holding the connection open
        } catch (SocketException e) {
            return; // close() closed it, or the client reset it
        }
        try {
            closed.await(HOLD_MAX_SECONDS, TimeUnit.SECONDS); // a wait for close(), not a pause
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection's input, each read recorded (bytes from the client under test: {@link Wire.Dir#IN}). */
    private InputStream in(Socket connection) throws IOException {
        return wire.recording(connection.getInputStream(), Wire.Dir.IN);
    }

    /** The connection's output, each write recorded ({@link Wire.Dir#OUT}). */
    private OutputStream out(Socket connection) throws IOException {
        return wire.recording(connection.getOutputStream(), Wire.Dir.OUT);
    }

    /** The writes and reads of the connection being served (or the last one). */
    Wire wire() {
        return wire;
    }

    int port() {
        return listener.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        listener.close();
        Socket c = current;
        if (c != null) {
            c.close();
        }
        try {
            thread.join(READ_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
