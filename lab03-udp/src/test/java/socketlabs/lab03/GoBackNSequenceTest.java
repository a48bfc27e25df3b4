package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.Trace;

/**
 * Go-Back-N judged by the exact datagrams it sends, not only by the data getting through: a
 * {@link RecordingReceiver} keeps every segment, and each test knows the one right sequence.
 */
@DisplayName("Task 4c · Sliding window (Go-Back-N)")
@ExtendWith(Trace.class) // each run's diagram, beside the reference sequence, on the report page
class GoBackNSequenceTest {
    private static final String NAME = "GoBackNSender.send";
    /** A timer long enough that a loaded machine still reads each ACK before it runs out. */
    private static final Duration SLOW_TIMER = Duration.ofMillis(150);

    static Transfers.Run run(RecordingReceiver receiver, byte[] data, int window, TransferConfig config) throws IOException {
        return Transfers.record(NAME + " (window " + window + ")", (s, to, d, c) -> GoBackNSender.send(s, to, d, window, c), receiver,
                data, config);
    }

    /** The numbers a correct sender sends to a silent receiver: {@code base..base+window-1} (capped at the FIN), {@code rounds} times. */
    static List<String> rounds(int segments, int window, int rounds) {
        List<String> one = new ArrayList<>();
        for (int n = 0; n < Math.min(window, segments); n++) {
            one.add(n == segments - 1 ? "FIN " + n : String.valueOf(n));
        }
        List<String> all = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            all.addAll(one);
        }
        return all;
    }

    /** The likely cause of a wrong sequence to a silent receiver, said only when the sequence shows it. */
    static String silentHint(List<String> got, int segments, int window, int maxTries) {
        if (got.isEmpty() || !got.get(0).equals("0")) {
            return got.isEmpty() ? " Nothing was sent." : " The first segment sent must be DATA 0.";
        }
        int resend = got.subList(1, got.size()).indexOf("0"); // where segment 0 goes out again
        int firstRound = resend < 0 ? got.size() : resend + 1;
        int expectedFirst = Math.min(window, segments);
        int zeros = Collections.frequency(got, "0");
        if (firstRound == expectedFirst + 1) {
            return " The first round had " + firstRound + " segments for a window of " + window + ": one too many. Send while"
                    + " next < base + window (not <=).";
        }
        if (firstRound < expectedFirst) {
            return " Only " + firstRound + " segments went out before the first resend, with a window of " + window + ": fill the"
                    + " window first (the FIN counts as a segment and may be sent before DATA is acknowledged).";
        }
        if (zeros == maxTries && got.size() == expectedFirst + (maxTries - 1) && expectedFirst > 1) {
            return " Only segment 0 was sent again on each time-out: Go-Back-N resends every segment from base to next - 1.";
        }
        if (zeros != maxTries) {
            return " Segment 0 (base) went out " + zeros + " times; with maxTries " + maxTries + " it goes out " + maxTries
                    + " times in all: the first send and " + (maxTries - 1) + " resends, then the IOException.";
        }
        return "";
    }

    static String shortList(List<String> numbers) {
        return Transfers.shortList(numbers);
    }

    private static void assertSilentSequence(int bytes, int segmentSize, int window, int maxTries, long seed) throws Exception {
        byte[] data = Loopback.seededBytes(bytes, seed);
        int segments = (bytes + segmentSize - 1) / segmentSize + 1; // DATA and the FIN
        TransferConfig config = new TransferConfig(segmentSize, Duration.ofMillis(30), maxTries);
        try (RecordingReceiver gone = RecordingReceiver.silent()) {
            Transfers.Run run = run(gone, data, window, config);
            List<String> expected = rounds(segments, window, maxTries);
            run.expect(expected);
            String scenario = String.format("sent %,d bytes (%d segments with the FIN, segmentSize %d) with window %d, timer 30 ms,"
                    + " maxTries %d, to a receiver that never answers. ", bytes, segments, segmentSize, window, maxTries);
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> scenario + "Expected the segments "
                    + shortList(expected) + " (the window, then the window again on each time-out), got "
                    + shortList(run.numbers()) + "." + silentHint(run.numbers(), segments, window, maxTries));
            assertTrue(run.sending().thrown() instanceof IOException, () -> scenario + "After " + maxTries + " sends of segment"
                    + " base the receiver is gone: expected an IOException, but " + run.sending().describe());
        }
    }

    @Test
    @Points(3)
    @DisplayName("to a silent receiver (window 4, 3 tries): sends 0 1 2 3 three times, then throws")
    void silentReceiverExactSequence() throws Exception {
        assertSilentSequence(5_000, 500, 4, 3, 31);
    }

    @Test
    @Points(1)
    @DisplayName("counts the FIN in the window: window 8, DATA 0-2 and FIN 3 go out together")
    void finCountsInTheWindow() throws Exception {
        assertSilentSequence(1_200, 500, 8, 2, 32);
    }

    @Test
    @Points(1)
    @DisplayName("window 1 is stop-and-wait: one segment in flight, sent maxTries times")
    void windowOne() throws Exception {
        assertSilentSequence(1_000, 500, 1, 4, 33);
    }

    @Test
    @Points(2)
    @DisplayName("each ACK slides the window and lets exactly one more segment out; the resend is the new window")
    void slidesByOne() throws Exception {
        // answers the first copy of DATA 0 with ACK 1, then nothing more
        TransferConfig config = new TransferConfig(500, SLOW_TIMER, 3);
        try (RecordingReceiver receiver = RecordingReceiver.scripted((s, copy) -> s.number() == 0 && copy == 1 ? 1 : null)) {
            Transfers.Run run = run(receiver, Loopback.seededBytes(5_000, 34), 4, config);
            List<String> expected = List.of("0", "1", "2", "3", "4", "1", "2", "3", "4", "1", "2", "3", "4");
            run.expect(expected);
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "sent 5,000 bytes (DATA 0-9, FIN 10)"
                    + " with window 4, timer 150 ms, maxTries 3, to a receiver that answers DATA 0 with ACK 1 and then nothing."
                    + " Expected " + shortList(expected) + ": ACK 1 moves base to 1 and lets DATA 4 out; each time-out resends"
                    + " 1-4; after 3 sends of base, the IOException. Got " + shortList(run.numbers()) + "." + slideHint(run.numbers()));
            assertTrue(run.sending().thrown() instanceof IOException, () -> "the receiver went silent after ACK 1: expected an"
                    + " IOException, but " + run.sending().describe());
        }
    }

    private static String slideHint(List<String> got) {
        if (got.size() > 4 && got.subList(0, 4).equals(List.of("0", "1", "2", "3")) && got.size() > 5 && got.get(4).equals("4")
                && got.get(5).equals("5")) {
            return " After ACK 1, more than one new segment went out: the window is base..base+window-1, with base now 1.";
        }
        if (got.size() > 4 && !got.get(4).equals("4")) {
            return " After ACK 1, DATA 4 did not go out next: an ACK that moves base makes room for one more segment.";
        }
        return "";
    }

    @Test
    @Points(2)
    @DisplayName("an ACK acknowledges everything before it: one ACK 4 for DATA 0-3 slides the window by 4")
    void cumulativeAck() throws Exception {
        // a receiver that acknowledges only DATA 3 (with ACK 4) and the FIN: DATA 0-2 never get an ACK of their own
        TransferConfig config = new TransferConfig(500, SLOW_TIMER, 3);
        try (RecordingReceiver receiver = RecordingReceiver.scripted((s, copy) ->
                s.type() == Segment.Type.FIN ? Integer.valueOf(s.number() + 1) : s.number() == 3 && copy == 1 ? Integer.valueOf(4) : null)) {
            Transfers.Run run = run(receiver, Loopback.seededBytes(3_000, 35), 4, config);
            List<String> expected = List.of("0", "1", "2", "3", "4", "5", "FIN 6");
            run.expect(expected);
            assertTrue(run.sending().returned(), () -> "sent 3,000 bytes (DATA 0-5, FIN 6) with window 4 to a receiver that answers"
                    + " only DATA 3 (with ACK 4) and the FIN; expected " + NAME + " to return, but " + run.sending().describe()
                    + ". Segments sent: " + shortList(run.numbers()) + ". ACKs are cumulative: ACK 4 says DATA 0-3 have all"
                    + " arrived, so base becomes 4 at once.");
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "sent 3,000 bytes with window 4 to a"
                    + " receiver that answers only DATA 3 (ACK 4) and the FIN; expected each segment once, " + shortList(expected)
                    + ", got " + shortList(run.numbers()) + ". ACK 4 acknowledges DATA 0-3 together: nothing before 4 is sent again.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("ignores an ACK beyond what it has sent (base < a <= next): it acknowledges nothing")
    void ignoresAckBeyondNext() throws Exception {
        // window 2: after DATA 0 and 1, next is 2; the receiver answers every DATA 0 with ACK 3
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(30), 3);
        try (RecordingReceiver receiver = RecordingReceiver.scripted((s, copy) -> s.number() == 0 ? 3 : null)) {
            Transfers.Run run = run(receiver, Loopback.seededBytes(2_000, 36), 2, config);
            List<String> expected = rounds(5, 2, 3);
            run.expect(expected);
            assertTrue(run.sending().thrown() instanceof IOException, () -> "sent 2,000 bytes (DATA 0-3, FIN 4) with window 2 to a"
                    + " receiver that answers DATA 0 with ACK 3 (segment 2 was never sent) and nothing else; expected an"
                    + " IOException after maxTries 3, but " + run.sending().describe() + ". Segments sent: "
                    + shortList(run.numbers()) + ". An ACK is valid only when base < a <= next: an ACK of segments never sent"
                    + " acknowledges nothing.");
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "an ACK 3 while next is 2 must be"
                    + " skipped; expected " + shortList(expected) + ", got " + shortList(run.numbers()));
        }
    }

    @Test
    @Points(2)
    @DisplayName("old ACKs, non-ACK segments and garbage from the receiver do not restart the timer")
    void staleDatagramsDoNotRestartTheTimer() throws Exception {
        // a receiver that, from the first arrival on, keeps sending ACK 0, a DATA 1 and garbage, one every 20 ms
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(200), 3);
        List<byte[]> drip = List.of(Segment.ack(0).toBytes(), Segment.data(1, new byte[3]).toBytes(), new byte[] {9, 9});
        try (RecordingReceiver receiver = RecordingReceiver.dripping(Duration.ofMillis(20), drip)) {
            Transfers.Run run = run(receiver, Loopback.seededBytes(5_000, 37), 4, config);
            List<String> expected = rounds(11, 4, 3);
            run.expect(expected);
            assertTrue(run.sending().thrown() instanceof IOException, () -> "sent 5,000 bytes with window 4, timer 200 ms, maxTries 3"
                    + " to a receiver that acknowledges nothing but sends ACK 0, a DATA 1 and 2 bytes of garbage, one every 20 ms;"
                    + " expected an IOException after 3 time-outs, but " + run.sending().describe() + ". Segments sent: "
                    + shortList(run.numbers()));
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "a receiver that only sends ACK 0,"
                    + " DATA 1 and garbage acknowledges nothing: expected " + shortList(expected) + ", got "
                    + shortList(run.numbers()) + ". Only an ACK with base < a <= next moves base and restarts the timer.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("after the window slides, waits a whole timeout before going back")
    void slideRestartsTheTimer() throws Exception {
        // ACK 1 is held 90 ms by a slow receiver: it arrives when the timer of DATA 0 has run for 90 of its 150 ms
        TransferConfig config = new TransferConfig(500, SLOW_TIMER, 2);
        try (RecordingReceiver receiver = RecordingReceiver.slow((s, copy) -> s.number() == 0 && copy == 1 ? 1 : null,
                Duration.ofMillis(90))) {
            Transfers.Run run = run(receiver, Loopback.seededBytes(3_000, 38), 4, config);
            List<Long> acks = receiver.ackNanos();
            List<Long> at = receiver.arrivalNanos();
            assertEquals(1, acks.size(), "test set-up: the receiver should have sent ACK 1 once");
            long gapMs = -1; // from ACK 1 leaving the receiver to DATA 1 arriving again
            for (int i = 0; i < run.sent().size(); i++) {
                if (at.get(i) > acks.get(0) && "1".equals(run.numbers().get(i))) {
                    gapMs = (at.get(i) - acks.get(0)) / 1_000_000;
                    break;
                }
            }
            long gap = gapMs;
            assertTrue(gap >= SLOW_TIMER.toMillis() - 10, () -> "sent 3,000 bytes with window 4, timer 150 ms, to a slow receiver"
                    + " whose ACK 1 arrives 90 ms after DATA 0, and then nothing; DATA 1 was sent again " + (gap < 0 ? "never"
                    : gap + " ms after ACK 1 left the receiver") + ". Expected a whole 150 ms after it: an ACK that moves base"
                    + " restarts the timer, for the new base. Segments sent: " + shortList(run.numbers()));
        }
    }

    @Test
    @Points(2)
    @DisplayName("counts maxTries from when base last moved, not the copies of earlier go-back resends")
    void triesCountFromTheSlide() throws Exception {
        // ACK 1 answers the third copy of DATA 0: DATA 1-3 have also gone out 3 times by then
        TransferConfig config = new TransferConfig(500, SLOW_TIMER, 3);
        try (RecordingReceiver receiver = RecordingReceiver.scripted((s, copy) -> s.number() == 0 && copy == 3 ? 1 : null)) {
            Transfers.Run run = run(receiver, Loopback.seededBytes(5_000, 39), 4, config);
            List<String> expected = new ArrayList<>(rounds(11, 4, 3));
            expected.add("4");
            expected.addAll(List.of("1", "2", "3", "4", "1", "2", "3", "4"));
            run.expect(expected);
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "sent 5,000 bytes with window 4, timer"
                    + " 150 ms, maxTries 3, to a receiver that answers the third copy of DATA 0 with ACK 1 and nothing else."
                    + " Expected " + shortList(expected) + ": when ACK 1 moves base, the count of tries starts again, so DATA 1"
                    + " (already sent 3 times) is base for 3 more rounds. Got " + shortList(run.numbers()) + "."
                    + (run.numbers().size() < expected.size() ? " The sender gave up early: count the time-outs since base"
                    + " last moved, not every copy the segment ever got." : ""));
            assertTrue(run.sending().thrown() instanceof IOException, () -> "expected an IOException in the end, but "
                    + run.sending().describe());
        }
    }

    @Test
    @Points(2)
    @DisplayName("skips ACKs that come from another address than the receiver's")
    void ignoresStrangersAcks() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(30), 3);
        try (RecordingReceiver gone = RecordingReceiver.silent(); DatagramSocket socket = Loopback.socket();
                DatagramSocket stranger = Loopback.socket()) {
            for (int a = 1; a <= 4; a++) {
                Loopback.send(stranger, Segment.ack(a).toBytes(), Loopback.address(socket)); // waiting before the sender starts
            }
            Async<Void> sending = Transfers.sendTo(NAME, (s, to, d, c) -> GoBackNSender.send(s, to, d, 4, c), gone.address(),
                    Loopback.seededBytes(5_000, 40), config, socket);
            List<String> got = RecordingReceiver.numbers(gone.recorded());
            List<String> expected = rounds(11, 4, 3);
            String scenario = "sent 5,000 bytes with window 4 to a receiver that never answers, while ACK 1, 2, 3, 4 from another"
                    + " address waited in the sender's socket. ";
            assertTrue(sending.thrown() instanceof IOException, () -> scenario + "Expected an IOException (the receiver is gone),"
                    + " but " + sending.describe() + ". Segments sent: " + shortList(got) + ". Only a datagram whose"
                    + " getSocketAddress() is the receiver's can acknowledge anything.");
            assertEquals(String.join(" ", expected), String.join(" ", got), () -> scenario + "Expected " + shortList(expected)
                    + ", got " + shortList(got) + ". Skip datagrams from other addresses.");
        }
    }
}
