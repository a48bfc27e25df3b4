package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A named misbehaving stranger, and a named slow peer: from another address than the one the
 * code under test talks to, it sends the given datagrams round and round, one every
 * {@code every}, until closed. It pauses on purpose: it keeps something arriving during a wait,
 * to show whether a stray datagram wrongly extends that wait.
 */
final class StrayDripper implements AutoCloseable {
    private final DatagramSocket socket;

    private StrayDripper(InetSocketAddress target, Duration every, List<byte[]> datagrams) throws IOException {
        socket = Loopback.socket();
        Thread thread = new Thread(() -> {
            for (int i = 0; !socket.isClosed(); i++) {
                try {
                    Thread.sleep(every.toMillis()); // the named pause
                    Loopback.send(socket, datagrams.get(i % datagrams.size()), target);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "stray-dripper");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts dripping {@code datagrams} to {@code target}, one every {@code every}. */
    static StrayDripper start(InetSocketAddress target, Duration every, List<byte[]> datagrams) throws IOException {
        return new StrayDripper(target, every, datagrams);
    }

    @Override
    public void close() {
        socket.close();
    }
}
