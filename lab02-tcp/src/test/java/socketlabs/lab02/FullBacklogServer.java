package socketlabs.lab02;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A server too busy to answer: it listens with a backlog of 1 and never calls {@code accept()},
 * and its queue of waiting connections is filled at the start. Linux then drops every new SYN, so
 * a client's {@code connect()} gets no answer at all, as from a host that is down or behind a
 * firewall that drops: the one way to make a connect time out on loopback.
 */
final class FullBacklogServer implements AutoCloseable {
    /** How long a probe waits for its connect before the queue counts as full. */
    static final int PROBE_MILLIS = 300;
    /** Enough probes to fill any queue of backlog 1 (Linux holds 2). */
    static final int MAX_PROBES = 16;

    private final ServerSocket listener;
    private final List<Socket> held = new ArrayList<>();

    FullBacklogServer() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < MAX_PROBES; i++) {
            Socket probe = new Socket();
            try {
                probe.connect(address(), PROBE_MILLIS);
                held.add(probe); // queued, never accepted: it holds a place in the queue
            } catch (SocketTimeoutException e) {
                probe.close();
                return; // the queue is full: SYNs are dropped from now on
            }
        }
        close();
        throw new IOException("the accept queue of a server with backlog 1 did not fill after " + MAX_PROBES
                + " connections; this system does not drop SYNs when the queue is full");
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        for (Socket s : held) {
            s.close();
        }
        listener.close();
    }
}
