package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Task 4: the receiving side of a reliable transfer over UDP, for both senders of this task
 * ({@link StopAndWaitSender}, {@link GoBackNSender}). The protocol is in {@link Segment}.
 */
public final class ReliableReceiver {
    /** The port {@link #main} uses when none is given. */
    public static final int DEFAULT_PORT = 7009;

    private ReliableReceiver() {
    }

    /**
     * Receives one byte stream sent as {@link Segment}s and returns it, intact and in order.
     *
     * <ol>
     *   <li>Keep {@code expected}, the number of the next segment wanted, from 0.</li>
     *   <li>For every DATA or FIN that arrives, whatever its number, answer its sender with
     *       {@code Segment.ack(expected)} after taking it into account: a DATA numbered
     *       {@code expected} adds its payload to the stream and moves {@code expected} on; any other
     *       number (a duplicate, or one that came early) adds nothing, but is still acknowledged,
     *       since the sender may have missed the ACK.</li>
     *   <li>The FIN numbered {@code expected} ends the stream. Do not return at once: the ACK of
     *       the FIN can be lost, and then the sender sends the FIN again. Linger: keep
     *       acknowledging whatever arrives, and return the stream once no DATA or FIN has arrived
     *       for {@link TransferConfig#giveUpAfter()}.</li>
     *   <li>Ignore datagrams that {@link Segment#parse} cannot read, and ACKs: they are no sign of
     *       the sender, so they do not restart the silence timer below (only a DATA or FIN does).</li>
     *   <li>Before the FIN, if no DATA or FIN arrives for {@link TransferConfig#giveUpAfter()}, the
     *       sender is gone: throw an {@code IOException} that says so.</li>
     * </ol>
     *
     * <pre>{@code
     * arrive: DATA 0 "ab", DATA 1 "cd", DATA 1 "cd", DATA 3 "gh", DATA 2 "ef", DATA 3 "gh", FIN 4
     * answer: ACK 1,       ACK 2,       ACK 2,       ACK 2,       ACK 3,       ACK 4,       ACK 5
     * return "abcdefgh" (after lingering)
     * }</pre>
     *
     * <p>Receive every datagram into a packet as long as the whole buffer (a new
     * {@code DatagramPacket}, or {@code setLength(buffer.length)} first): a packet reused to send an
     * ACK ({@code setData}, {@code setLength}) would cut every later segment to the ACK's 5 bytes.
     *
     * @param socket a bound socket the sender sends to; this method sets its timeout
     * @param config the transfer's settings: {@code giveUpAfter()} is used here
     * @return the bytes of the stream
     * @throws IOException if the sender is gone before the FIN, or receiving fails
     */
    public static byte[] receive(DatagramSocket socket, TransferConfig config) throws IOException {
        // TODO lab03 task 4: accept only segment `expected`, ACK every DATA/FIN with ack(expected), linger after the FIN
        throw new UnsupportedOperationException("lab03 task 4: ReliableReceiver.receive is not written yet");
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
