package socketlabs.lab01;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A test peer that drops connections on purpose, as a firewall would: a listener with a
 * backlog of 1 that never accepts, filled with connections until Linux drops the next SYN.
 * (Linux only: other systems refuse the connection or keep it waiting in other ways.) Filling
 * takes one connect that times out, 300 ms.
 */
final class FullBacklogListener implements AutoCloseable {
    private static final int TIMEOUT_MS = 2000;
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();
    private boolean full;

    private FullBacklogListener(ServerSocket server) {
        this.server = server;
    }

    static FullBacklogListener open() throws IOException {
        FullBacklogListener l = new FullBacklogListener(new ServerSocket(0, 1, Loopback.ADDRESS));
        l.server.setSoTimeout(TIMEOUT_MS);
        for (int i = 0; i < 10; i++) {
            Socket s = new Socket();
            s.setSoTimeout(TIMEOUT_MS);
            l.fillers.add(s);
            try {
                s.connect(new InetSocketAddress(Loopback.ADDRESS, l.port()), 300);
            } catch (SocketTimeoutException dropped) {
                l.full = true; // the queue is full: the next SYN is dropped too
                return l;
            }
        }
        return l; // never filled (another OS, or other settings): isFull() says so
    }

    /** True once a connect timed out: the OS now drops new SYNs to this port. */
    boolean isFull() {
        return full;
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
