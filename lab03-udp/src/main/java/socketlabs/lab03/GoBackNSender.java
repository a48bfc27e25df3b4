package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Task 4: Go-Back-N, a sliding-window sender. Stop-and-wait leaves the link idle for a whole
 * round trip per segment; a window keeps up to {@code window} segments in flight.
 * Same segments and same receiver ({@link ReliableReceiver}) as {@link StopAndWaitSender}.
 */
public final class GoBackNSender {
    /** The window {@link #main} uses when none is given. */
    public static final int DEFAULT_WINDOW = 16;

    private GoBackNSender() {
    }

    /**
     * Sends {@code data} to {@code receiver} reliably with up to {@code window} segments sent and
     * not yet acknowledged, and returns once the receiver has acknowledged all of it and the FIN.
     *
     * <ol>
     *   <li>The same segments as {@link StopAndWaitSender#send}: DATA 0..n-1, then FIN n.</li>
     *   <li>{@code base} = the oldest segment not acknowledged, {@code next} = the next never sent.
     *       Send while {@code next < base + window}; the FIN counts as a segment (with room in the
     *       window it goes out right after the last DATA, before any ACK).</li>
     *   <li>An ACK numbered {@code a} from {@code receiver}'s address with {@code base < a <= next}
     *       acknowledges everything before {@code a} (ACKs are cumulative): {@code base = a},
     *       restart the timer and the count of time-outs. Every other datagram (an ACK with
     *       {@code a <= base} or {@code a > next}, a DATA or FIN, garbage, anything from another
     *       address) is skipped and does not restart the timer.</li>
     *   <li>The timer (one, for segment {@code base}) runs out after {@code config.timeout()}:
     *       send every segment from {@code base} to {@code next - 1} again ("go back N") and
     *       restart the timer.</li>
     *   <li>Count the time-outs since {@code base} last moved (or since the start). When the timer
     *       runs out for the {@code config.maxTries()}-th time, do not resend: the receiver is gone,
     *       throw an {@code IOException} that says so. With a receiver that never answers, the first
     *       window therefore goes out {@code maxTries} times in all. Copies a segment got in
     *       go-back resends before it became {@code base} do not count.</li>
     * </ol>
     *
     * <pre>{@code
     * GoBackNSender.send(socket, receiverAddress, data, 8, new TransferConfig(1000, Duration.ofMillis(30), 20));
     * // DATA 0..7 go out back to back; each ACK slides the window and lets one more out
     *
     * // 5,000 bytes in 500-byte segments (DATA 0-9, FIN 10), window 4, maxTries 3, a receiver that never answers:
     * // sends 0 1 2 3, (time-out) 0 1 2 3, (time-out) 0 1 2 3, (time-out) throws IOException
     * // the same, but the receiver answers the first DATA 0 with ACK 1 and then nothing:
     * // sends 0 1 2 3 4, (time-out) 1 2 3 4, (time-out) 1 2 3 4, (time-out) throws IOException
     * }</pre>
     *
     * @param socket an open socket; this method sets its timeout
     * @param receiver where the receiver (or the channel in front of it) listens
     * @param data the bytes to send, possibly none
     * @param window the most segments in flight, at least 1 (1 is stop-and-wait)
     * @param config segment size, retransmission timeout, tries per segment
     * @throws IOException if the timer of one {@code base} runs out {@code maxTries} times, or sending fails
     * @throws IllegalArgumentException if {@code window < 1}
     */
    public static void send(DatagramSocket socket, SocketAddress receiver, byte[] data, int window, TransferConfig config)
            throws IOException {
        // TODO lab03 task 4: keep base and next; fill the window, slide on cumulative ACKs, resend base..next-1 on timeout
        throw new UnsupportedOperationException("lab03 task 4: GoBackNSender.send is not written yet");
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
