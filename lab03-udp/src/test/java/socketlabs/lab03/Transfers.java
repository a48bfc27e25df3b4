package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Runs whole transfers for the task 4 tests: the student's sender and receiver, a channel or a named peer between. */
final class Transfers {
    /** 500-byte segments, a 25 ms timer, 30 tries: loopback answers in well under a millisecond. */
    static final TransferConfig CONFIG = new TransferConfig(500, Duration.ofMillis(25), 30);
    /** How long a whole transfer may take before the test calls it a hang. */
    static final Duration SENDER_LIMIT = Duration.ofSeconds(5);

    /** A sender under test: stop-and-wait, or Go-Back-N with its window fixed. */
    interface Sender {
        void send(DatagramSocket socket, InetSocketAddress receiver, byte[] data, TransferConfig config) throws Exception;
    }

    private Transfers() {
    }

    /** Sends {@code data} from {@code sender} through a seeded channel to {@link ReliableReceiver}; fails unless it arrives intact. */
    static void assertThroughChannel(String senderName, Sender sender, byte[] data, Impairments impairments, long seed) throws Exception {
        try (DatagramSocket receiverSocket = Loopback.socket(); DatagramSocket senderSocket = Loopback.socket();
                ImpairedChannel channel = ImpairedChannel.start(Loopback.address(receiverSocket), impairments, seed)) {
            Async<Void> sending = Async.start(senderName, () -> {
                sender.send(senderSocket, channel.address(), data, CONFIG);
                return null;
            });
            // started second: the receiver's socket holds what comes before, so its wait for a silent sender starts no earlier
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(receiverSocket, CONFIG));
            sending.await(SENDER_LIMIT);
            receiving.await(CONFIG.giveUpAfter().plusSeconds(2));
            String scenario = String.format(Locale.ROOT, "sent %,d bytes (", data.length) + CONFIG.segmentSize() + "-byte segments, timer "
                    + CONFIG.timeout().toMillis() + " ms, " + CONFIG.maxTries() + " tries) with " + senderName
                    + " to ReliableReceiver.receive through a channel with " + impairments + ", seed " + seed
                    + ". Channel, sender to receiver: " + channel.toTarget() + "; receiver to sender: " + channel.fromTarget() + ". ";
            if (!sending.returned()) {
                fail(scenario + sending.describe() + "; " + receiving.describe() + ". " + hint(receiving));
            }
            if (!receiving.returned()) {
                fail(scenario + "The sender returned, but " + receiving.describe() + ". The receiver returns once nothing"
                        + " has arrived for config.giveUpAfter() after the FIN.");
            }
            String mismatch = Loopback.mismatch(data, receiving.value());
            assertTrue(mismatch.isEmpty(), () -> scenario + "The bytes received are not the bytes sent: " + mismatch
                    + ". Deliver only the segment numbered `expected` (a duplicate or an early one adds nothing).");
        }
    }

    private static String hint(Async<byte[]> receiving) {
        return receiving.thrown() != null ? "Look at the receiver's exception first."
                : "Each segment must be sent again after the timeout until its ACK comes, and the ACK may come twice or late.";
    }

    /** Runs {@code sender} against a test peer; returns the Async, already waited for up to {@link #SENDER_LIMIT}. */
    static Async<Void> sendTo(String senderName, Sender sender, InetSocketAddress peer, byte[] data, TransferConfig config,
            DatagramSocket socket) {
        Async<Void> sending = Async.start(senderName, () -> {
            sender.send(socket, peer, data, config);
            return null;
        });
        sending.await(SENDER_LIMIT);
        return sending;
    }

    /** The segments in the order they first arrived, each once. */
    static List<Segment> firstCopies(List<Segment> arrivals) {
        return new ArrayList<>(new LinkedHashSet<>(arrivals));
    }

    /** The segments a correct sender makes of {@code data}: DATA 0.., then the FIN. */
    static List<Segment> expectedSegments(byte[] data, int size) {
        int dataSegments = (data.length + size - 1) / size; // the last one may be shorter
        List<Segment> expected = new ArrayList<>();
        for (int n = 0; n < dataSegments; n++) {
            int from = n * size;
            expected.add(Segment.data(n, Arrays.copyOfRange(data, from, Math.min(data.length, from + size))));
        }
        expected.add(Segment.fin(dataSegments));
        return expected;
    }

    /** Short names of segments for messages: "DATA 0 (500 bytes), ..., FIN 5". */
    static String names(List<Segment> segments) {
        return segments.size() <= 12 ? segments.toString()
                : segments.subList(0, 12) + " ... (" + segments.size() + " in all)";
    }
}
