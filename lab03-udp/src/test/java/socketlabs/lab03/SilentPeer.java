package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A named misbehaving peer: it never replies. It reads and keeps every datagram, so a test can
 * count what was sent to it: the server that is down, the receiver that has gone away.
 * {@link #countBefore} counts exactly: the test sends a marker after the code under test is done,
 * and everything sent before the marker is ahead of it in the socket's queue.
 */
final class SilentPeer implements AutoCloseable {
    private static final byte[] MARKER = "end-of-test-marker".getBytes(StandardCharsets.US_ASCII);

    private final DatagramSocket socket;
    private final List<byte[]> received = new ArrayList<>();
    private final Thread reader;

    SilentPeer() throws IOException {
        socket = Loopback.socket();
        reader = new Thread(this::readLoop, "silent-peer");
        reader.setDaemon(true);
        reader.start();
    }

    InetSocketAddress address() {
        return Loopback.address(socket);
    }

    /** Every datagram received so far (the marker included). */
    synchronized List<byte[]> received() {
        return new ArrayList<>(received);
    }

    /** How many datagrams arrived before a marker that this sends now (waits up to 2 s for it). */
    List<byte[]> countBefore() throws IOException {
        try (DatagramSocket marker = Loopback.socket()) {
            Loopback.send(marker, MARKER, address());
        }
        Wait.until(Duration.ofSeconds(2), () -> received().stream().anyMatch(d -> Arrays.equals(d, MARKER)),
                () -> "test set-up: the marker datagram never reached the silent peer");
        List<byte[]> before = new ArrayList<>();
        for (byte[] d : received()) {
            if (Arrays.equals(d, MARKER)) {
                break;
            }
            before.add(d);
        }
        return before;
    }

    private void readLoop() {
        while (!socket.isClosed()) {
            try {
                byte[] d = Loopback.receive(socket, 10_000);
                if (d != null) {
                    synchronized (this) {
                        received.add(d);
                    }
                }
            } catch (RuntimeException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
