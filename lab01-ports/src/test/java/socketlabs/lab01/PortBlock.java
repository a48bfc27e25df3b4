package socketlabs.lab01;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test peer: a run of consecutive loopback TCP ports, every one held by the test. The open ones
 * have a listening socket; the closed ones a socket that is bound but not listening, so a
 * connection to them is refused, and no other program can take the port while the test runs.
 * So a scan of the block has one right answer. The listeners never accept: the OS completes
 * a connection on its own (it waits in the backlog), which is all a connect scan sees.
 */
final class PortBlock implements AutoCloseable {
    private static final int ATTEMPTS = 50;
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
     * Holds {@code size} consecutive ports; the port at offset i of the block listens if
     * {@code openOffsets} contains i. The OS picks where the block starts (port 0); if a port
     * after it is taken, the block is let go and tried again elsewhere.
     */
    static PortBlock hold(int size, Set<Integer> openOffsets) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Closeable start = bind(0, openOffsets.contains(0));
            int first = localPort(start);
            PortBlock block = new PortBlock(first, size);
            block.add(start, 0, openOffsets);
            if (block.fill(size, openOffsets)) {
                return block;
            }
            block.close();
        }
        throw new IOException("could not hold " + size + " consecutive loopback ports in " + ATTEMPTS + " attempts");
    }

    private boolean fill(int size, Set<Integer> openOffsets) throws IOException {
        if (last > Ports.MAX_PORT) {
            return false;
        }
        for (int offset = 1; offset < size; offset++) {
            try {
                add(bind(first + offset, openOffsets.contains(offset)), offset, openOffsets);
            } catch (IOException taken) {
                return false; // someone holds that port: try another block
            }
        }
        return true;
    }

    private void add(Closeable socket, int offset, Set<Integer> openOffsets) {
        sockets.add(socket);
        if (openOffsets.contains(offset)) {
            open.add(first + offset);
        }
    }

    private static Closeable bind(int port, boolean listening) throws IOException {
        InetSocketAddress address = new InetSocketAddress(Loopback.ADDRESS, port);
        if (listening) {
            ServerSocket server = new ServerSocket();
            try {
                server.setSoTimeout(TIMEOUT_MS);
                server.bind(address, 50);
            } catch (IOException e) {
                server.close();
                throw e;
            }
            return server;
        }
        Socket holder = new Socket(); // bound, never connected nor listening: connections to it are refused
        try {
            holder.setSoTimeout(TIMEOUT_MS);
            holder.bind(address);
        } catch (IOException e) {
            holder.close();
            throw e;
        }
        return holder;
    }

    private static int localPort(Closeable socket) {
        return socket instanceof ServerSocket ? ((ServerSocket) socket).getLocalPort() : ((Socket) socket).getLocalPort();
    }

    /** A port of the block that is closed (bound, not listening), for a single probe. */
    int aClosedPort() {
        for (int p = first; p <= last; p++) {
            if (!open.contains(p)) {
                return p;
            }
        }
        throw new IllegalStateException("every port of this block is open");
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
