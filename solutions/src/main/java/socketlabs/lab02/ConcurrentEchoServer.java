package socketlabs.lab02;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 3: an echo server that serves many clients at once, one thread per connection, and stops
 * cleanly. See the starter's Javadoc for the whole spec.
 */
public final class ConcurrentEchoServer implements Closeable {
    public static final int DEFAULT_PORT = 7008;
    public static final int BACKLOG = 1024;
    public static final String THREAD_NAME_PREFIX = "echo-";
    public static final int STOP_WAIT_MILLIS = 5_000;

    private final InetAddress address;
    private final int requestedPort;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptThread;

    public ConcurrentEchoServer(int port) {
        this(InetAddress.getLoopbackAddress(), port);
    }

    public ConcurrentEchoServer(InetAddress address, int port) {
        this.address = address;
        this.requestedPort = port;
    }

    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the server was started already");
        }
        listener = new ServerSocket(requestedPort, BACKLOG, address);
        acceptThread = startThread(THREAD_NAME_PREFIX + "accept", this::acceptLoop);
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // close() closed the listening socket
            }
            connections.add(client);
            startThread(THREAD_NAME_PREFIX + "conn-" + client.getPort(), () -> serve(client));
        }
    }

    private void serve(Socket client) {
        try (client) {
            EchoServer.echo(client.getInputStream(), client.getOutputStream());
        } catch (IOException e) {
            // this client failed or close() closed its socket: only this thread ends
        } finally {
            connections.remove(client);
        }
    }

    private Thread startThread(String name, Runnable work) {
        threads.removeIf(t -> !t.isAlive()); // forget the threads that have ended; close() joins the rest
        Thread thread = new Thread(work, name);
        thread.setDaemon(false); // a daemon thread would not keep main's process serving
        threads.add(thread);
        thread.start();
        return thread;
    }

    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("the server has not been started");
        }
        return listener.getLocalPort();
    }

    public int openConnections() {
        return connections.size();
    }

    @Override
    public synchronized void close() throws IOException {
        if (listener == null || listener.isClosed()) {
            return;
        }
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        listener.close(); // a blocked accept() throws, and the accept loop ends
        // wait for the accept thread first: a connection it accepted just now gets its thread before we close them all
        join(acceptThread, deadline);
        for (Socket client : connections) {
            client.close(); // its thread's blocked read() throws, and the thread ends
        }
        for (Thread thread : new ArrayList<>(threads)) {
            join(thread, deadline);
        }
    }

    private static void join(Thread thread, long deadline) {
        try {
            thread.join(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a concurrent echo server on 127.0.0.1 and the port given (default 7008) until the process is stopped. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        ConcurrentEchoServer server = new ConcurrentEchoServer(port);
        server.start();
        System.out.println("concurrent echo server listening on 127.0.0.1:" + server.port() + " (Ctrl-C stops it)");
    }
}
