package socketlabs.lab01;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test peer: a run of consecutive loopback TCP ports whose states the test knows, so a scan of
 * the block has one right answer. The block starts at a listener on a port the OS picks (port 0)
 * and goes on from there. Each port after it gets what the test wishes for it: a listening socket
 * (open), or a socket bound but not listening, so connections are refused (closed) and no other
 * program can take the port meanwhile. A port that cannot be bound is used only if connecting to
 * it is refused: on a busy machine, connections in TIME_WAIT that other programs made hold many
 * even ports against any bind, yet nothing listens there (closed). The first and last ports of a
 * block are always open. The listeners never accept: the OS completes a connection on its own
 * (it waits in the backlog), which is all a connect scan sees.
 */
final class PortBlock implements AutoCloseable {
    private static final int ATTEMPTS = 100;
    private static final int TIMEOUT_MS = 2000;

    final int first;
    final int last;
    final Set<Integer> open = new TreeSet<>();
    private final List<Closeable> sockets = new ArrayList<>();

    private PortBlock(int first, int size) {
        this.first = first;
        this.last = first + size - 1;
    }

    /**
     * Holds {@code size} consecutive ports, the port at offset i listening if possible where
     * {@code openOffsets} contains i, closed elsewhere; offset 0 and the last offset always
     * listen. {@link #open} says which ports ended up open.
     */
    static PortBlock hold(int size, Set<Integer> openOffsets) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ServerSocket start = listen(0);
            PortBlock block = new PortBlock(start.getLocalPort(), size);
            block.sockets.add(start);
            block.open.add(block.first);
            if (block.fill(size, openOffsets)) {
                return block;
            }
            block.close();
        }
        throw new IOException("could not hold " + size + " consecutive loopback ports in " + ATTEMPTS + " attempts");
    }

    private boolean fill(int size, Set<Integer> openOffsets) {
        if (last > Ports.MAX_PORT) {
            return false;
        }
        for (int offset = 1; offset < size; offset++) {
            int port = first + offset;
            boolean wantOpen = offset == size - 1 || openOffsets.contains(offset);
            try {
                if (wantOpen) {
                    sockets.add(listen(port));
                    open.add(port);
                } else {
                    sockets.add(holdClosed(port));
                }
            } catch (IOException taken) {
                if (offset == size - 1 || !refuses(port)) {
                    return false; // the last port must listen, and a port someone listens on is not ours to judge
                }
                // nothing listens there and nothing can bind it: a closed port we do not hold
            }
        }
        return true;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setSoTimeout(TIMEOUT_MS);
            server.bind(new InetSocketAddress(Loopback.ADDRESS, port), 50);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Socket holdClosed(int port) throws IOException {
        Socket holder = new Socket(); // bound, never connected nor listening: connections to it are refused
        try {
            holder.setSoTimeout(TIMEOUT_MS);
            holder.bind(new InetSocketAddress(Loopback.ADDRESS, port));
        } catch (IOException e) {
            holder.close();
            throw e;
        }
        return holder;
    }

    /** True if a connection to the port is refused (or connects to itself: nothing listens either way). */
    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.setSoTimeout(TIMEOUT_MS);
            s.connect(new InetSocketAddress(Loopback.ADDRESS, port), TIMEOUT_MS);
            return s.getLocalPort() == s.getPort();
        } catch (ConnectException refused) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        for (Closeable s : sockets) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "ports " + first + "-" + last + " of 127.0.0.1, open: " + open;
    }
}
