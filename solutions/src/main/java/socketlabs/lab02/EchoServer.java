package socketlabs.lab02;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Task 1: an echo server that serves one client at a time, echoing every byte until the client
 * closes its side. See the starter's Javadoc for the whole spec.
 */
public final class EchoServer implements Closeable {
    public static final int DEFAULT_PORT = 7007;
    private static final int BACKLOG = 50;
    private static final int BUFFER_SIZE = 8 * 1024;

    private final InetAddress address;
    private final int requestedPort;
    private ServerSocket listener;
    private Thread acceptThread;
    private volatile Socket current; // the connection being served, so that close() can end it

    public EchoServer(int port) {
        this(InetAddress.getLoopbackAddress(), port);
    }

    public EchoServer(InetAddress address, int port) {
        this.address = address;
        this.requestedPort = port;
    }

    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the echo server was started already");
        }
        listener = new ServerSocket(requestedPort, BACKLOG, address);
        acceptThread = new Thread(this::acceptLoop, "echo-server-" + listener.getLocalPort());
        acceptThread.setDaemon(false); // a daemon thread would let main's process end at once
        acceptThread.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                current = client;
                if (listener.isClosed()) {
                    return; // close() ran between accept() and here, and could not see this client
                }
                echo(client.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // this client failed (or close() closed the listener): either way, on to the next one
            } finally {
                current = null;
            }
        }
    }

    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("the echo server has not been started");
        }
        return listener.getLocalPort();
    }

    @Override
    public synchronized void close() throws IOException {
        if (listener == null || listener.isClosed()) {
            return;
        }
        listener.close(); // a blocked accept() throws: the loop ends
        Socket client = current;
        if (client != null) {
            client.close(); // a blocked read() throws: echo() returns
        }
        try {
            acceptThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static long echo(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n); // only the n bytes that arrived, not the whole buffer
            out.flush();
            total += n;
        }
        return total;
    }

    /** Starts an echo server on 127.0.0.1 and the port given (default 7007) until the process is stopped. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        EchoServer server = new EchoServer(port);
        server.start();
        System.out.println("echo server listening on 127.0.0.1:" + server.port() + " (one client at a time; Ctrl-C stops it)");
    }
}
