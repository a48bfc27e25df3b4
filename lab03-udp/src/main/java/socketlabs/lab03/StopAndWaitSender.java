package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Task 4: stop-and-wait, the simplest reliable sender: one segment at a time, each sent again
 * until it is acknowledged. The protocol is in {@link Segment}; the receiver is {@link ReliableReceiver}.
 */
public final class StopAndWaitSender {
    private StopAndWaitSender() {
    }

    /**
     * Sends {@code data} to {@code receiver} reliably, one segment at a time, and returns once the
     * receiver has acknowledged all of it and the FIN.
     *
     * <ol>
     *   <li>Cut {@code data} into DATA segments of {@code config.segmentSize()} bytes (the last may
     *       be shorter), numbered 0, 1, 2...; after them comes {@code Segment.fin(n)}, n being the
     *       number of DATA segments. Empty data: just {@code FIN 0}.</li>
     *   <li>For each segment in turn: send it, then wait up to {@code config.timeout()} for an ACK
     *       from {@code receiver}'s address with a number greater than the segment's. Other
     *       datagrams (old ACKs, second copies, garbage, anything from another address) are
     *       skipped and do not restart the timer.</li>
     *   <li>No such ACK in time: send the segment again. After {@code config.maxTries()} sends in
     *       all without that ACK, the receiver is gone: throw an {@code IOException} that says
     *       which segment and how many tries. Never retry forever.</li>
     * </ol>
     *
     * <pre>{@code
     * StopAndWaitSender.send(socket, receiverAddress, "hello".getBytes(), new TransferConfig(2, Duration.ofMillis(30), 10));
     * // sends DATA 0 "he", waits for ACK 1; DATA 1 "ll", waits for ACK 2; DATA 2 "o"; FIN 3, waits for ACK 4
     * }</pre>
     *
     * @param socket an open socket; this method sets its timeout
     * @param receiver where the receiver (or the channel in front of it) listens
     * @param data the bytes to send, possibly none
     * @param config segment size, retransmission timeout, tries per segment
     * @throws IOException if a segment is not acknowledged after {@code maxTries} sends, or sending fails
     */
    public static void send(DatagramSocket socket, SocketAddress receiver, byte[] data, TransferConfig config) throws IOException {
        // TODO lab03 task 4: per segment: send, await an ACK > its number until the timeout, resend, give up after maxTries
        throw new UnsupportedOperationException("lab03 task 4: StopAndWaitSender.send is not written yet");
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
