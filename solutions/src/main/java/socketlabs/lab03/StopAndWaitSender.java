package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Task 4: stop-and-wait, the sending side. See the starter's Javadoc for the spec. */
public final class StopAndWaitSender {
    private StopAndWaitSender() {
    }

    /** Sends {@code data} one segment at a time, each sent again until acknowledged or tried {@code maxTries} times. */
    public static void send(DatagramSocket socket, SocketAddress receiver, byte[] data, TransferConfig config) throws IOException {
        List<Segment> segments = segments(data, config.segmentSize());
        byte[] buffer = new byte[Udp.MAX_DATAGRAM];
        for (Segment segment : segments) {
            int tries = 0;
            boolean acknowledged = false;
            while (!acknowledged) {
                if (tries == config.maxTries()) {
                    throw new IOException("gave up: " + segment + " was sent " + tries + " times without an acknowledgement;"
                            + " the receiver is gone");
                }
                socket.send(segment.toPacket(receiver));
                tries++;
                acknowledged = awaitAck(socket, receiver, buffer, segment.number(), System.nanoTime() + config.timeout().toNanos());
            }
        }
    }

    /** The DATA segments of {@code data}, numbered from 0, each at most {@code size} bytes, then the FIN. */
    static List<Segment> segments(byte[] data, int size) {
        List<Segment> segments = new ArrayList<>();
        for (int start = 0; start < data.length; start += size) {
            segments.add(Segment.data(segments.size(), Arrays.copyOfRange(data, start, Math.min(data.length, start + size))));
        }
        segments.add(Segment.fin(segments.size()));
        return segments;
    }

    // true once an ACK beyond seq arrives from the receiver; false when the deadline passes. Stale ACKs do not restart the timer.
    private static boolean awaitAck(DatagramSocket socket, SocketAddress receiver, byte[] buffer, int seq, long deadline)
            throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return false;
            }
            if (!packet.getSocketAddress().equals(receiver)) {
                continue; // from someone else: it acknowledges nothing
            }
            Segment ack = Segment.parse(packet);
            if (ack != null && ack.type() == Segment.Type.ACK && ack.number() > seq) {
                return true;
            }
        }
    }

    /** {@code StopAndWaitSender HOST PORT < FILE}: sends standard input to a {@link ReliableReceiver}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: StopAndWaitSender HOST PORT < FILE");
            return;
        }
        InetSocketAddress receiver = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        byte[] data = System.in.readAllBytes();
        try (DatagramSocket socket = new DatagramSocket()) {
            long start = System.nanoTime();
            send(socket, receiver, data, TransferConfig.DEFAULT);
            System.err.printf("sent %d bytes in %.0f ms%n", data.length, (System.nanoTime() - start) / 1e6);
        }
    }
}
