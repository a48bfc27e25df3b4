package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

/** Task 4: Go-Back-N, a sliding-window sender. See the starter's Javadoc for the spec. */
public final class GoBackNSender {
    /** The window {@link #main} uses when none is given. */
    public static final int DEFAULT_WINDOW = 16;

    private GoBackNSender() {
    }

    /** Sends {@code data} with up to {@code window} segments unacknowledged; on a timeout, sends the whole window again. */
    public static void send(DatagramSocket socket, SocketAddress receiver, byte[] data, int window, TransferConfig config)
            throws IOException {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, not " + window);
        }
        List<Segment> segments = StopAndWaitSender.segments(data, config.segmentSize());
        byte[] buffer = new byte[Udp.MAX_DATAGRAM];
        int base = 0; // the oldest segment not yet acknowledged
        int next = 0; // the next segment never sent
        int tries = 0; // how many times segment base has been sent
        long deadline = 0; // when the timer of segment base runs out
        while (base < segments.size()) {
            while (next < segments.size() && next < base + window) {
                socket.send(segments.get(next).toPacket(receiver));
                if (next == base) {
                    tries = 1;
                    deadline = System.nanoTime() + config.timeout().toNanos();
                }
                next++;
            }
            int acked = awaitAck(socket, receiver, buffer, base, next, deadline);
            if (acked > base) {
                base = acked; // cumulative: everything before acked has arrived
                tries = 1; // the count of time-outs starts again for the new base
                deadline = System.nanoTime() + config.timeout().toNanos();
            } else {
                if (tries == config.maxTries()) {
                    throw new IOException("gave up: " + segments.get(base) + " was sent " + tries
                            + " times without an acknowledgement; the receiver is gone");
                }
                // go back N: send again everything sent and not acknowledged
                for (int i = base; i < next; i++) {
                    socket.send(segments.get(i).toPacket(receiver));
                }
                tries++;
                deadline = System.nanoTime() + config.timeout().toNanos();
            }
        }
    }

    // the number of the first ACK from the receiver beyond base (and not beyond what was sent), or base when the deadline passes first
    private static int awaitAck(DatagramSocket socket, SocketAddress receiver, byte[] buffer, int base, int next, long deadline)
            throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return base;
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return base;
            }
            if (!packet.getSocketAddress().equals(receiver)) {
                continue; // from someone else: it acknowledges nothing
            }
            Segment ack = Segment.parse(packet);
            if (ack != null && ack.type() == Segment.Type.ACK && ack.number() > base && ack.number() <= next) {
                return ack.number();
            }
        }
    }

    /** {@code GoBackNSender HOST PORT [WINDOW] < FILE}: sends standard input to a {@link ReliableReceiver}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GoBackNSender HOST PORT [WINDOW] < FILE");
            return;
        }
        InetSocketAddress receiver = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int window = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WINDOW;
        byte[] data = System.in.readAllBytes();
        try (DatagramSocket socket = new DatagramSocket()) {
            long start = System.nanoTime();
            send(socket, receiver, data, window, TransferConfig.DEFAULT);
            System.err.printf("sent %d bytes in %.0f ms (window %d)%n", data.length, (System.nanoTime() - start) / 1e6, window);
        }
    }
}
