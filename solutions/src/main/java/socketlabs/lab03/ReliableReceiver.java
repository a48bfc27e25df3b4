package socketlabs.lab03;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Task 4: the receiving side of a reliable transfer. See the starter's Javadoc for the spec. */
public final class ReliableReceiver {
    /** The port {@link #main} uses when none is given. */
    public static final int DEFAULT_PORT = 7009;

    private ReliableReceiver() {
    }

    /** Receives one byte stream, in order and without duplicates, acknowledging cumulatively; returns it after the FIN. */
    public static byte[] receive(DatagramSocket socket, TransferConfig config) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int expected = 0;
        boolean finished = false;
        byte[] buffer = new byte[Udp.MAX_DATAGRAM];
        long silentUntil = System.nanoTime() + config.giveUpAfter().toNanos(); // moved on by each DATA or FIN only
        while (true) {
            long left = silentUntil - System.nanoTime();
            if (left <= 0 && finished) {
                return stream.toByteArray(); // lingered long enough: the sender has what it needs
            }
            if (left <= 0) {
                throw new IOException("no segment for " + config.giveUpAfter().toMillis() + " ms while expecting segment "
                        + expected + ": the sender is gone");
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue; // the check above decides
            }
            Segment segment = Segment.parse(packet);
            if (segment == null || segment.type() == Segment.Type.ACK) {
                continue; // not for a receiver, and no sign of the sender
            }
            silentUntil = System.nanoTime() + config.giveUpAfter().toNanos();
            if (!finished && segment.number() == expected) {
                // the one we wait for; anything else is a duplicate or came too early, and only gets an ACK
                if (segment.type() == Segment.Type.DATA) {
                    stream.write(segment.payload());
                } else {
                    finished = true;
                }
                expected++;
            }
            socket.send(Segment.ack(expected).toPacket(packet.getSocketAddress()));
        }
    }

    /** {@code ReliableReceiver [PORT]}: receives one transfer on loopback (port 7009) and writes it to standard output. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            System.err.println("reliable receiver on " + socket.getLocalSocketAddress());
            // wait as long as it takes for the sender to start; this first datagram is not acknowledged,
            // so the sender sends it again after its timeout, and receive() gets that copy
            socket.setSoTimeout(0);
            socket.receive(new DatagramPacket(new byte[0], 0));
            byte[] data = receive(socket, TransferConfig.DEFAULT);
            System.out.write(data);
            System.out.flush();
            System.err.println("received " + data.length + " bytes");
        }
    }
}
