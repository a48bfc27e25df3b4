package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.Trace;

@DisplayName("Task 4c · Sliding window (Go-Back-N)")
@ExtendWith(Trace.class) // the channel's account of each transfer, drawn on the report page
class GoBackNTest {
    private static final String NAME = "GoBackNSender.send";
    private static final int WINDOW = 6;
    private static final Transfers.Sender SENDER = (socket, to, data, config) -> GoBackNSender.send(socket, to, data, WINDOW, config);
    private static final byte[] DATA = Loopback.seededBytes(12_000, 5);

    @Test
    @Points(3)
    @DisplayName("sends a whole window of segments before waiting for the first ACK")
    void fillsTheWindow() throws Exception {
        byte[] data = Loopback.seededBytes(5_000, 10);
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.HOLD_ACKS, 4); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo(NAME, (s, to, d, c) -> GoBackNSender.send(s, to, d, 4, c),
                    receiver.address(), data, Transfers.CONFIG, socket);
            List<Segment> arrivals = receiver.arrivals();
            List<String> firstFour = arrivals.stream().limit(4).map(Segment::toString).collect(Collectors.toList());
            assertEquals(List.of("DATA 0 (500 bytes)", "DATA 1 (500 bytes)", "DATA 2 (500 bytes)", "DATA 3 (500 bytes)"), firstFour,
                    () -> "sent 5,000 bytes with window 4 to a receiver that acknowledges nothing until 4 datagrams have"
                            + " arrived; expected DATA 0, 1, 2, 3 back to back, got " + firstFour + ". A window of 4 lets 4"
                            + " segments be in flight at once; waiting for each ACK before the next is stop-and-wait.");
            assertTrue(sending.returned(), () -> "once the receiver acknowledged, the transfer should have ended; " + sending.describe());
            assertTrue(Loopback.mismatch(data, receiver.data()).isEmpty(), () -> "the receiver got: " + Loopback.mismatch(data, receiver.data()));
        }
    }

    @Test
    @Points(2)
    @DisplayName("sends the window again when the ACK does not come in time")
    void retransmits() throws Exception {
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.DROP_FIRST_COPY); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo(NAME, SENDER, receiver.address(), DATA, Transfers.CONFIG, socket);
            assertTrue(sending.returned(), () -> "sent 12,000 bytes, window " + WINDOW + ", to a receiver that ignores the first"
                    + " copy of every segment (timer 25 ms); " + sending.describe() + ". Segments received: "
                    + Transfers.names(receiver.arrivals()) + ". Never retransmitting: when the timer of segment base runs out,"
                    + " send base..next-1 again.");
            String mismatch = Loopback.mismatch(DATA, receiver.data());
            assertTrue(mismatch.isEmpty(), () -> "the receiver got: " + mismatch);
        }
    }

    @Test
    @Points(2)
    @DisplayName("gives up with an IOException after maxTries sends of the oldest segment when the receiver is gone")
    void givesUp() throws Exception {
        TransferConfig threeTries = new TransferConfig(500, Duration.ofMillis(25), 3);
        try (SilentPeer gone = new SilentPeer(); DatagramSocket socket = Loopback.socket()) {
            socket.setSoTimeout(5_000);
            Async<Void> sending = Transfers.sendTo(NAME, (s, to, d, c) -> GoBackNSender.send(s, to, d, 4, c), gone.address(), DATA,
                    threeTries, socket);
            String scenario = "sent 12,000 bytes with window 4 to a receiver that never answers, timer 25 ms, maxTries 3. ";
            assertTrue(sending.await(Duration.ZERO), scenario + NAME + " was still trying after " + Transfers.SENDER_LIMIT.toSeconds()
                    + " s. Retransmitting forever after the peer has gone: count the sends of segment base and throw an"
                    + " IOException after maxTries.");
            assertTrue(sending.thrown() instanceof IOException, () -> scenario + "Expected an IOException; " + sending.describe());
            List<Segment> copies = gone.countBefore().stream().map(d -> Segment.parse(d, 0, d.length)).collect(Collectors.toList());
            long zeros = copies.stream().filter(s -> s != null && s.number() == 0).count();
            assertEquals(3, zeros, () -> scenario + "Expected DATA 0 sent exactly 3 times, got " + zeros + " (all datagrams: "
                    + Transfers.names(copies) + "). maxTries counts every send of the oldest unacknowledged segment.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("moves 12,000 bytes intact through a channel with no loss, 10% duplicated, 10% reordered")
    void channelNoLoss() throws Exception {
        Transfers.assertThroughChannel(NAME + " (window " + WINDOW + ")", SENDER, WINDOW, DATA, Impairments.of(0.0, 0.1, 0.1), 11);
    }

    @Test
    @Points(2)
    @DisplayName("moves 12,000 bytes intact through a channel with 10% loss, 10% duplicated, 10% reordered")
    void channelTenPercentLoss() throws Exception {
        Transfers.assertThroughChannel(NAME + " (window " + WINDOW + ")", SENDER, WINDOW, DATA, Impairments.of(0.1, 0.1, 0.1), 12);
    }

    @Test
    @Points(3)
    @DisplayName("moves 12,000 bytes intact through a channel with 30% loss, 10% duplicated, 10% reordered")
    void channelThirtyPercentLoss() throws Exception {
        Transfers.assertThroughChannel(NAME + " (window " + WINDOW + ")", SENDER, WINDOW, DATA, Impairments.of(0.3, 0.1, 0.1), 13);
    }

    @Test
    @Points(1)
    @DisplayName("works when the window is larger than the whole transfer")
    void windowLargerThanData() throws Exception {
        byte[] data = Loopback.seededBytes(1_200, 14);
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.NORMAL); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo(NAME, (s, to, d, c) -> GoBackNSender.send(s, to, d, 16, c), receiver.address(),
                    data, Transfers.CONFIG, socket);
            assertTrue(sending.returned(), () -> "sent 1,200 bytes (DATA 0-2 and FIN 3) with window 16; " + sending.describe()
                    + ". Stop at the last segment: the window may reach past the end.");
            assertTrue(Loopback.mismatch(data, receiver.data()).isEmpty(), () -> "the receiver got: " + Loopback.mismatch(data, receiver.data()));
        }
    }

    @Test
    @Points(1)
    @DisplayName("rejects a window smaller than 1")
    void rejectsBadWindow() throws Exception {
        try (DatagramSocket socket = Loopback.socket()) {
            assertThrows(IllegalArgumentException.class, () -> GoBackNSender.send(socket, Loopback.address(socket), new byte[10], 0,
                    Transfers.CONFIG), "GoBackNSender.send with window 0 must throw IllegalArgumentException: no segment could ever be sent");
        }
    }
}
