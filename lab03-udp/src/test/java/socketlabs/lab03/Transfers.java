package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import socketlabs.grading.Trace;

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

    /**
     * Sends {@code data} from {@code sender} through a seeded channel to {@link ReliableReceiver}; fails unless it arrives intact.
     * {@code window} is the sender's (1 for stop-and-wait): the report page draws, beside the student's run, what a correct
     * sender with that window sends through the same channel ({@link ChannelModel}).
     */
    static void assertThroughChannel(String senderName, Sender sender, int window, byte[] data, Impairments impairments, long seed)
            throws Exception {
        ChannelLog log = new ChannelLog();
        try (DatagramSocket receiverSocket = Loopback.socket(); DatagramSocket senderSocket = Loopback.socket();
                ImpairedChannel channel = ImpairedChannel.start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                        Loopback.address(receiverSocket), impairments, seed, log)) {
            Async<Void> sending = Async.start(senderName, () -> {
                sender.send(senderSocket, channel.address(), data, CONFIG);
                return null;
            });
            // started second: the receiver's socket holds what comes before, so its wait for a silent sender starts no earlier
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(receiverSocket, CONFIG));
            sending.await(SENDER_LIMIT);
            receiving.await(CONFIG.giveUpAfter().plusSeconds(2));
            log.attach(CONFIG, seed, ChannelModel.run(data.length, window, CONFIG, impairments, seed));
            String scenario = String.format(Locale.ROOT, "sent %,d bytes (", data.length) + CONFIG.segmentSize() + "-byte segments, timer "
                    + CONFIG.timeout().toMillis() + " ms, " + CONFIG.maxTries() + " tries) with " + senderName
                    + " to ReliableReceiver.receive through a channel with " + impairments + ", seed " + seed
                    + ". Channel, sender to receiver: " + channel.toTarget() + "; receiver to sender: " + channel.fromTarget() + ". ";
            if (!sending.returned()) {
                fail(scenario + sending.describe() + "; " + receiving.describe() + ". " + hint(sending, receiving));
            }
            if (!receiving.returned()) {
                fail(scenario + "The sender returned, but " + receiving.describe() + ". The receiver returns once no DATA or"
                        + " FIN has arrived for config.giveUpAfter() after the FIN.");
            }
            String mismatch = Loopback.mismatch(data, receiving.value());
            assertTrue(mismatch.isEmpty(), () -> scenario + "The bytes received are not the bytes sent: " + mismatch + ". "
                    + likelyCause(chunks(data, CONFIG.segmentSize()), receiving.value(),
                    "Deliver only the segment numbered `expected` (a duplicate or an early one adds nothing)."));
        }
    }

    /**
     * The channel's account of a transfer, each datagram with its time and fate, attached to the test's result so that
     * the report page draws it (drops as crosses, duplicates and held-back datagrams marked): what went through the
     * seeded channel, as the channel saw it, beside what a correct sender sends through it with the same seed.
     */
    static final class ChannelLog implements java.util.function.Consumer<String> {
        private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile(
                "(->|<-) #\\d+ \\d+ bytes(?: \\[(DATA|ACK|FIN) (\\d+)\\])?: (dropped|duplicated|delivered)(, held back.*)?");
        private final long start = System.nanoTime();
        private final List<Map<String, Object>> sent = new ArrayList<>();
        private final List<Map<String, Object>> acks = new ArrayList<>();

        @Override
        public synchronized void accept(String line) {
            java.util.regex.Matcher m = LINE.matcher(line);
            if (!m.matches() || sent.size() + acks.size() > 400) {
                return;
            }
            double t = (System.nanoTime() - start) / 1e6;
            String fate = m.group(4).equals("delivered") ? (m.group(5) != null ? "late" : "") : m.group(4);
            if (m.group(1).equals("->")) {
                String seg = m.group(2) == null ? "?" : m.group(2).equals("FIN") ? "FIN " + m.group(3) : m.group(3);
                sent.add(Map.of("t", t, "seg", seg, "fate", fate));
            } else if ("ACK".equals(m.group(2))) {
                acks.add(Map.of("t", t, "n", Integer.parseInt(m.group(3)), "fate", fate));
            }
        }

        /** Attaches the account, with {@code reference}, what a correct sender sends through the same channel and seed. */
        synchronized void attach(TransferConfig config, long seed, Map<String, Object> reference) {
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("kind", "transfer");
            trace.put("title", "through the seeded channel, seed " + seed + " (times as the channel saw each datagram; timer "
                    + config.timeout().toMillis() + " ms)");
            trace.put("sent", new ArrayList<>(sent));
            trace.put("acks", new ArrayList<>(acks));
            trace.put("reference", reference);
            Trace.attach(trace);
        }
    }

    // which side stopped first decides where to look: the other side's failure may only be a consequence
    private static String hint(Async<Void> sending, Async<byte[]> receiving) {
        if (receiving.thrown() != null && receiving.endedAt() < sending.endedAt()) {
            return "The receiver stopped first (it threw after " + receiving.endedAfterMillis() + " ms, while the sender was"
                    + " still sending): look at the receiver's exception first.";
        }
        if (receiving.returned() && receiving.endedAt() < sending.endedAt()) {
            return "The receiver returned (it had the FIN and stopped lingering) after " + receiving.endedAfterMillis()
                    + " ms, and the sender went on without the ACK of its FIN: either the receiver did not linger long enough"
                    + " to acknowledge a FIN sent again (the ACK of the FIN can be lost), or the sender did not take ACK n + 1"
                    + " as the ACK of FIN n.";
        }
        return "The sender stopped first, or the receiver is still waiting: each segment must be sent again after the timeout"
                + " until its ACK comes, and the ACK may come twice or late.";
    }

    /** The DATA payloads a correct sender makes of {@code data}, in order. */
    static List<byte[]> chunks(byte[] data, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < data.length; from += size) {
            chunks.add(Arrays.copyOfRange(data, from, Math.min(data.length, from + size)));
        }
        return chunks;
    }

    /**
     * The likely cause of a wrong stream, said only when what arrived shows it: every segment cut
     * by the same number of bytes, a segment twice, one missing, two swapped. {@code otherwise} when
     * the bytes fit none of these.
     */
    static String likelyCause(List<byte[]> chunks, byte[] got, String otherwise) {
        if (got == null) {
            return otherwise;
        }
        List<Integer> order = asChunks(chunks, got);
        if (order != null) {
            List<Integer> seen = new ArrayList<>();
            for (int i : order) {
                if (seen.contains(i)) {
                    return "Segment " + i + " was delivered twice: a duplicate adds nothing; only the segment numbered"
                            + " `expected` is appended.";
                }
                if (!seen.isEmpty() && i < seen.get(seen.size() - 1)) {
                    return "Segment " + i + " was delivered after segment " + seen.get(seen.size() - 1) + ": segments are"
                            + " appended in number order, not arrival order; one that comes early waits to be sent again.";
                }
                seen.add(i);
            }
            for (int i = 0; i < chunks.size(); i++) {
                if (!seen.contains(i)) {
                    return "Segment " + i + " is missing from the stream: a segment that came early must not move `expected`"
                            + " past one that has not arrived.";
                }
            }
        }
        for (int cut = 1; cut <= Segment.HEADER_BYTES; cut++) {
            if (matchesCut(chunks, got, cut)) {
                return "Every full segment came " + cut + " byte" + (cut == 1 ? "" : "s") + " short" + (cut == Segment.HEADER_BYTES
                        ? ", the size of the segment's header: the receive buffer must hold the 5-byte header and then the"
                        + " payload (Udp.MAX_DATAGRAM bytes always do)." : ": a receive buffer smaller than a whole datagram"
                        + " cuts it silently; receive into Udp.MAX_DATAGRAM bytes.");
            }
        }
        for (int i = 1; i < chunks.size(); i++) {
            int keep = Math.min(chunks.get(i - 1).length, chunks.get(i).length);
            if (matchesCappedAfter(chunks, got, i, keep) || matchesCappedAfter(chunks, got, i, 0)) {
                return "Segment " + i + " and those after it were cut short, to the length of an earlier datagram: a reused"
                        + " DatagramPacket keeps the length of the last datagram it held (or of an ACK sent with it). Make a"
                        + " new DatagramPacket for each receive, or call setLength(buffer.length) before it.";
            }
        }
        return otherwise;
    }

    // got as a sequence of whole chunks (by index), or null if it is not one
    private static List<Integer> asChunks(List<byte[]> chunks, byte[] got) {
        List<Integer> order = new ArrayList<>();
        int at = 0;
        int want = 0;
        while (at < got.length) {
            int found = -1;
            for (int k = 0; k < chunks.size() && found < 0; k++) {
                int i = (want + k) % chunks.size(); // the next one in order first
                byte[] c = chunks.get(i);
                if (c.length > 0 && at + c.length <= got.length && Arrays.equals(c, Arrays.copyOfRange(got, at, at + c.length))) {
                    found = i;
                }
            }
            if (found < 0) {
                return null;
            }
            order.add(found);
            at += chunks.get(found).length;
            want = found + 1;
        }
        return order;
    }

    // true if got is every chunk cut to the longest one's length minus `cut`: a receive buffer `cut` bytes too small
    private static boolean matchesCut(List<byte[]> chunks, byte[] got, int cut) {
        int full = chunks.stream().mapToInt(c -> c.length).max().orElse(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            out.write(c, 0, Math.min(c.length, Math.max(0, full - cut)));
        }
        return Arrays.equals(out.toByteArray(), got);
    }

    // true if got is the chunks before `from` whole, then each later chunk cut to at most `keep` bytes
    private static boolean matchesCappedAfter(List<byte[]> chunks, byte[] got, int from, int keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] c = chunks.get(i);
            out.write(c, 0, i < from ? c.length : Math.min(keep, c.length));
        }
        return Arrays.equals(out.toByteArray(), got);
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

    /**
     * What a sender did against a {@link RecordingReceiver}: its outcome and every segment it sent, in order; with
     * when each arrived and the ACKs the receiver sent, for the diagram of the run ({@link #expect}).
     */
    record Run(Async<Void> sending, List<Segment> sent, List<String> numbers, List<Long> arrivalNanos, List<Long> ackNanos,
            List<Integer> acks) {
        /**
         * Attaches this run to the test's result, beside {@code expected}, the sequence a correct sender sends in the
         * same scenario: the report page draws both as time-sequence diagrams ({@link Trace}).
         */
        void expect(List<String> expected) {
            long start = arrivalNanos.isEmpty() ? 0 : arrivalNanos.get(0);
            List<Map<String, Object>> sends = new ArrayList<>();
            for (int i = 0; i < numbers.size() && i < arrivalNanos.size(); i++) {
                sends.add(Map.of("t", (arrivalNanos.get(i) - start) / 1e6, "seg", numbers.get(i)));
            }
            List<Map<String, Object>> answers = new ArrayList<>();
            for (int i = 0; i < ackNanos.size() && i < acks.size(); i++) {
                answers.add(Map.of("t", (ackNanos.get(i) - start) / 1e6, "n", acks.get(i)));
            }
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("kind", "transfer");
            trace.put("sent", sends);
            trace.put("acks", answers);
            trace.put("expected", expected);
            Trace.attach(trace);
        }
    }

    /** Runs {@code sender} against {@code receiver} and returns what it sent; fails, listing what was sent, if it is still running. */
    static Run record(String senderName, Sender sender, RecordingReceiver receiver, byte[] data, TransferConfig config)
            throws java.io.IOException {
        try (DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = sendTo(senderName, sender, receiver.address(), data, config, socket);
            if (!sending.await(Duration.ZERO)) {
                fail(senderName + " (timer " + config.timeout().toMillis() + " ms, maxTries " + config.maxTries()
                        + ") was still running after " + SENDER_LIMIT.toSeconds() + " s. Segments sent so far: "
                        + shortList(RecordingReceiver.numbers(receiver.arrivals())) + ". Count the time-outs and throw an"
                        + " IOException after maxTries; datagrams that acknowledge nothing new do not restart the timer.");
            }
            List<Segment> sent = receiver.recorded();
            return new Run(sending, sent, RecordingReceiver.numbers(sent), receiver.arrivalNanos(), receiver.ackNanos(), receiver.ackNumbers());
        }
    }

    /** Segment numbers for messages, "0 1 2 3 0 1 2 3", cut after 40. */
    static String shortList(List<String> numbers) {
        return numbers.size() <= 40 ? String.join(" ", numbers) : String.join(" ", numbers.subList(0, 40)) + " ... ("
                + numbers.size() + " in all)";
    }
}
