package socketlabs.lab02;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import socketlabs.grading.Wire;

/**
 * A test client for the servers under test, with the misbehaviours of real clients, each named:
 * writes split in every way ({@link Delivery}), several messages coalesced into one write, a
 * half-close, a close in the middle of a message, and an abortive close that sends a reset.
 * Every read has a timeout of {@value #READ_TIMEOUT_MILLIS} ms, and a read that fails becomes an
 * assertion that says what was sent, what was expected, what arrived, and the likely cause.
 * Every write and read is recorded ({@link Wire}); a failed read attaches the exchange to the test,
 * which the report page draws if the test fails.
 */
final class MisbehavingClient implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final Wire wire;
    private volatile byte[] expected; // what should come back, for the exchange's trace
    private Thread writer;
    private final AtomicReference<IOException> writeFailure = new AtomicReference<>();

    private MisbehavingClient(Socket socket, String yours) {
        this.socket = socket;
        this.wire = new Wire("test client", yours);
    }

    /** Connects to 127.0.0.1:{@code port}. */
    static MisbehavingClient connect(int port) throws IOException {
        return connect(port, "your server");
    }

    /** Connects to 127.0.0.1:{@code port}, where {@code yours} (the code under test, as the report page names it) is. */
    static MisbehavingClient connect(int port, String yours) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw new IOException("could not connect to 127.0.0.1:" + port + ": " + e.getMessage()
                    + ". Is the server listening (start() called, the port from port() used)?", e);
        }
        return new MisbehavingClient(socket, yours);
    }

    /** Wraps a socket that is already connected (the client end of a {@link LoopbackPair}). */
    static MisbehavingClient wrap(Socket connected) throws IOException {
        connected.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new MisbehavingClient(connected, "your code");
    }

    /** What this connection carried so far, each write and read. */
    Wire wire() {
        return wire;
    }

    /** Says what should come back (an echo: the bytes sent), so that the exchange's trace marks where it first differs. */
    MisbehavingClient expecting(byte[] back) {
        expected = back.clone();
        return this;
    }

    /** Attaches the exchange so far to the running test, with what should have come back if known. */
    void attachExchange(String title) {
        wire.attach(title, expected);
    }

    private OutputStream out() throws IOException {
        return wire.recording(socket.getOutputStream(), Wire.Dir.OUT);
    }

    private InputStream in() throws IOException {
        return wire.recording(socket.getInputStream(), Wire.Dir.IN);
    }

    Socket socket() {
        return socket;
    }

    /** Sends {@code bytes} the way {@code delivery} says, from this thread. */
    MisbehavingClient send(byte[] bytes, Delivery delivery) throws IOException {
        delivery.write(out(), bytes);
        return this;
    }

    /** Coalesced messages: several messages glued together and sent in one write, as TCP may deliver them. */
    MisbehavingClient sendCoalesced(byte[]... messages) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            all.write(m);
        }
        return send(all.toByteArray(), Delivery.WHOLE);
    }

    /**
     * Sends from a background thread while this thread reads: needed when the reply comes back
     * while the request is still going out (a large echo), and for a reader on the other end
     * that must see the pieces arrive as they would over a network.
     */
    MisbehavingClient sendInBackground(byte[] bytes, Delivery delivery, boolean halfCloseAfter) {
        writer = new Thread(() -> {
            try {
                delivery.write(out(), bytes);
                if (halfCloseAfter) {
                    socket.shutdownOutput();
                    wire.event(Wire.Dir.OUT, "halfclose");
                }
            } catch (IOException e) {
                writeFailure.set(e);
            }
        }, "misbehaving-client-writer");
        writer.setDaemon(true);
        writer.start();
        return this;
    }

    /** The slowloris's pause between two bytes (see {@link #dripInBackground}). */
    static final int DRIP_MILLIS = 50;

    /**
     * The slowloris: sends {@code bytes} one at a time from a background thread, with a pause of
     * {@value #DRIP_MILLIS} ms after each, like a client that holds a server's thread by sending
     * a byte now and then. With {@link Delivery#PAUSE_MID_MESSAGE}, the only deliberate pauses in
     * the tests. The thread stops at the first write that fails (the server closed).
     */
    MisbehavingClient dripInBackground(byte[] bytes) {
        writer = new Thread(() -> {
            try {
                OutputStream out = out();
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(DRIP_MILLIS);
                }
            } catch (IOException e) {
                writeFailure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "misbehaving-client-slowloris");
        writer.setDaemon(true);
        writer.start();
        return this;
    }

    /** Null if the background send went through; otherwise why it failed. */
    IOException backgroundSendFailure() throws InterruptedException {
        if (writer != null) {
            writer.join(READ_TIMEOUT_MILLIS);
        }
        return writeFailure.get();
    }

    /** Half-close: a FIN that says "I will send no more", while this client can still read. */
    MisbehavingClient halfClose() throws IOException {
        socket.shutdownOutput();
        wire.event(Wire.Dir.OUT, "halfclose");
        return this;
    }

    /** Abortive close: SO_LINGER 0 makes close() send a reset (RST) instead of an orderly FIN. */
    void resetConnection() throws IOException {
        socket.setSoLinger(true, 0);
        wire.event(Wire.Dir.OUT, "reset");
        socket.close();
    }

    /**
     * Reads exactly {@code n} bytes, however they arrive. On the end of the stream or a timeout,
     * fails with "{@code done}; expected n bytes back but ... {@code likelyCause}".
     */
    byte[] readExactly(int n, String done, String likelyCause) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = in();
            while (got.size() < n) {
                int r = in.read(buffer, 0, Math.min(buffer.length, n - got.size()));
                if (r == -1) {
                    attachExchange(done);
                    throw new AssertionError(done + "; expected " + n + " bytes back, but the connection closed after "
                            + got.size() + " bytes (last ones: " + tail(got) + "). " + likelyCause);
                }
                got.write(buffer, 0, r);
            }
            return got.toByteArray();
        } catch (SocketTimeoutException e) {
            attachExchange(done);
            throw new AssertionError(done + "; expected " + n + " bytes back, but after " + got.size()
                    + " bytes (last ones: " + tail(got) + ") nothing more arrived for " + READ_TIMEOUT_MILLIS + " ms. "
                    + likelyCause, e);
        } catch (IOException e) {
            attachExchange(done);
            throw new AssertionError(done + "; expected " + n + " bytes back, but reading failed after " + got.size()
                    + " bytes: " + e + ". " + likelyCause, e);
        }
    }

    /** Reads until the server closes its side; fails (with {@code done} and {@code likelyCause}) if it never does. */
    byte[] readToEnd(String done, String likelyCause) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = in();
            int r;
            while ((r = in.read(buffer)) != -1) {
                got.write(buffer, 0, r);
            }
            return got.toByteArray();
        } catch (SocketTimeoutException e) {
            attachExchange(done);
            throw new AssertionError(done + "; expected the server to close its side, but after " + got.size()
                    + " bytes the connection stayed open and silent for " + READ_TIMEOUT_MILLIS + " ms. " + likelyCause, e);
        } catch (IOException e) {
            attachExchange(done);
            throw new AssertionError(done + "; expected an orderly end of stream, but reading failed after "
                    + got.size() + " bytes: " + e + ". " + likelyCause, e);
        }
    }

    /**
     * How this connection ends from here on: "closed" (end of stream), "reset", or "open" if
     * nothing happens within the read timeout. Bytes that still arrive are skipped.
     */
    String awaitEnd() {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) != -1) {
                // skip what the server still sends: only the end matters here
            }
            return "closed";
        } catch (SocketTimeoutException e) {
            return "open";
        } catch (SocketException e) {
            return "reset";
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    private static String tail(ByteArrayOutputStream got) {
        byte[] bytes = got.toByteArray();
        return "[" + Hex.of(bytes, Math.max(0, bytes.length - 8)) + "]";
    }

    @Override
    public void close() throws IOException {
        socket.close(); // a background writer still blocked in write() fails, and its thread ends
        if (writer != null) {
            try {
                writer.join(READ_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
