package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

/**
 * The stop-and-wait sender's timer under old ACKs, non-ACK segments, garbage and strangers, and
 * the Javadoc's example of segments, as written.
 */
@DisplayName("Task 4b · Stop-and-wait")
class StopAndWaitWaitsTest {
    @Test
    @Points(2)
    @DisplayName("stop-and-wait: old ACKs, non-ACK segments and garbage from the receiver do not restart the timer")
    void stopAndWaitStaleDoNotRestartTheTimer() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(200), 3);
        List<byte[]> drip = List.of(Segment.ack(0).toBytes(), Segment.data(1, new byte[3]).toBytes(), new byte[] {9, 9});
        try (RecordingReceiver receiver = RecordingReceiver.dripping(Duration.ofMillis(20), drip)) {
            Transfers.Run run = Transfers.record("StopAndWaitSender.send", StopAndWaitSender::send, receiver,
                    Loopback.seededBytes(2_000, 41), config);
            assertTrue(run.sending().thrown() instanceof IOException, () -> "sent 2,000 bytes, timer 200 ms, maxTries 3, to a receiver"
                    + " that acknowledges nothing but sends ACK 0, a DATA 1 and garbage, one every 20 ms; expected an IOException,"
                    + " but " + run.sending().describe());
            assertEquals("0 0 0", String.join(" ", run.numbers()), () -> "expected DATA 0 three times, got "
                    + Transfers.shortList(run.numbers()) + ". Only an ACK numbered above the segment's acknowledges it.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("stop-and-wait: an ACK from another address than the receiver's acknowledges nothing")
    void stopAndWaitSkipsStrangersAck() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(30), 3);
        try (RecordingReceiver gone = RecordingReceiver.silent(); DatagramSocket socket = Loopback.socket();
                DatagramSocket stranger = Loopback.socket()) {
            Loopback.send(stranger, Segment.ack(1).toBytes(), Loopback.address(socket)); // waiting before the sender starts
            Async<Void> sending = Transfers.sendTo("StopAndWaitSender.send", StopAndWaitSender::send, gone.address(),
                    Loopback.seededBytes(1_000, 42), config, socket);
            List<String> got = RecordingReceiver.numbers(gone.recorded());
            assertTrue(sending.thrown() instanceof IOException, () -> "sent 1,000 bytes to a receiver that never answers, while an"
                    + " ACK 1 from another address waited in the sender's socket; expected an IOException, but "
                    + sending.describe() + ". Segments sent: " + Transfers.shortList(got) + ". Only a datagram whose"
                    + " getSocketAddress() is the receiver's can acknowledge anything.");
            assertEquals("0 0 0", String.join(" ", got), () -> "expected DATA 0 three times, got " + Transfers.shortList(got));
        }
    }

    @Test
    @Points(1)
    @DisplayName("StopAndWaitSender: \"hello\" in 2-byte segments is DATA 0 \"he\", DATA 1 \"ll\", DATA 2 \"o\", FIN 3")
    void stopAndWaitHelloExample() throws Exception {
        TransferConfig config = new TransferConfig(2, Duration.ofMillis(30), 30);
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.NORMAL); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo("StopAndWaitSender.send", StopAndWaitSender::send, receiver.address(),
                    Loopback.ascii("hello"), config, socket);
            List<Segment> expected = List.of(Segment.data(0, Loopback.ascii("he")), Segment.data(1, Loopback.ascii("ll")), Segment.data(2, Loopback.ascii("o")),
                    Segment.fin(3));
            List<Segment> sent = Transfers.firstCopies(receiver.arrivals());
            assertTrue(sending.returned(), () -> "sent \"hello\" with segmentSize 2 to a receiver that acknowledges at once; "
                    + sending.describe());
            assertEquals(expected, sent, () -> "the Javadoc's example: expected " + expected + ", got " + sent);
        }
    }
}
