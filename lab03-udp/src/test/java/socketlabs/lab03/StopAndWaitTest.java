package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.Trace;

@DisplayName("Task 4b · Stop-and-wait")
@ExtendWith(Trace.class) // the channel's account of each transfer, drawn on the report page
class StopAndWaitTest {
    private static final String NAME = "StopAndWaitSender.send";
    private static final Transfers.Sender SENDER = StopAndWaitSender::send;
    private static final byte[] DATA = Loopback.seededBytes(12_000, 4);

    @Test
    @Points(2)
    @DisplayName("sends DATA segments of segmentSize bytes numbered from 0, then the FIN, and returns once all are acknowledged")
    void segmentsAndFin() throws Exception {
        byte[] data = Loopback.seededBytes(2_300, 8);
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.NORMAL); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo(NAME, SENDER, receiver.address(), data, Transfers.CONFIG, socket);
            List<Segment> expected = Transfers.expectedSegments(data, Transfers.CONFIG.segmentSize());
            List<Segment> sent = Transfers.firstCopies(receiver.arrivals());
            assertTrue(sending.returned(), () -> "sent 2,300 bytes to a receiver that acknowledges everything at once; expected "
                    + NAME + " to return, but " + sending.describe() + ". Segments received: "
                    + Transfers.names(sent));
            assertEquals(expected, sent, () -> "sent 2,300 bytes with segmentSize 500; expected the segments "
                    + Transfers.names(expected) + ", got " + Transfers.names(sent) + ". See Segment: DATA numbered from 0,"
                    + " then FIN n, n being the number of DATA segments.");
            assertTrue(receiver.finished(), "the receiver never got the FIN in its place");
        }
    }

    @Test
    @Points(1)
    @DisplayName("sends empty data as a lone FIN 0")
    void emptyData() throws Exception {
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.NORMAL); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo(NAME, SENDER, receiver.address(), new byte[0], Transfers.CONFIG, socket);
            assertTrue(sending.returned(), () -> "sent 0 bytes; expected " + NAME + " to send FIN 0 and return once ACK 1"
                    + " arrives, but " + sending.describe());
            assertEquals(List.of(Segment.fin(0)), Transfers.firstCopies(receiver.arrivals()), "sent 0 bytes: the only segment is FIN 0");
        }
    }

    @Test
    @Points(3)
    @DisplayName("sends a segment again when its ACK does not come in time")
    void retransmits() throws Exception {
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.DROP_FIRST_COPY); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo(NAME, SENDER, receiver.address(), DATA, Transfers.CONFIG, socket);
            List<Segment> arrivals = receiver.arrivals();
            assertTrue(sending.returned(), () -> "sent 12,000 bytes to a receiver that ignores the first copy of every segment, as"
                    + " if the network lost it (timer 25 ms); " + sending.describe()
                    + ". Segments received: " + Transfers.names(arrivals) + ". Never retransmitting: when no ACK comes within"
                    + " config.timeout(), send the same segment again.");
            String mismatch = Loopback.mismatch(DATA, receiver.data());
            assertTrue(mismatch.isEmpty(), () -> "the receiver got: " + mismatch);
        }
    }

    @Test
    @Points(3)
    @DisplayName("gives up with an IOException after maxTries sends when the receiver is gone")
    void givesUp() throws Exception {
        TransferConfig fourTries = new TransferConfig(500, Duration.ofMillis(25), 4);
        try (SilentPeer gone = new SilentPeer(); DatagramSocket socket = Loopback.socket()) {
            socket.setSoTimeout(5_000);
            Async<Void> sending = Transfers.sendTo(NAME, SENDER, gone.address(), DATA, fourTries, socket);
            String scenario = "sent 12,000 bytes to a receiver that never answers, timer 25 ms, maxTries 4. ";
            assertTrue(sending.await(Duration.ZERO), scenario + NAME + " was still trying after " + Transfers.SENDER_LIMIT.toSeconds()
                    + " s. Retransmitting forever after the peer has gone: after maxTries sends of one segment, throw an"
                    + " IOException.");
            Throwable e = sending.thrown();
            assertTrue(e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank(),
                    () -> scenario + "Expected an IOException with a message saying the receiver is gone; " + sending.describe());
            List<byte[]> copies = gone.countBefore();
            assertEquals(4, copies.size(), () -> scenario + "Expected DATA 0 sent exactly 4 times (the first send and 3"
                    + " retransmissions), then the exception; " + copies.size() + " datagrams were sent. maxTries counts every send.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("moves 12,000 bytes intact through a channel with no loss, 10% duplicated, 10% reordered")
    void channelNoLoss() throws Exception {
        Transfers.assertThroughChannel(NAME, SENDER, 1, DATA, Impairments.of(0.0, 0.1, 0.1), 1);
    }

    @Test
    @Points(2)
    @DisplayName("moves 12,000 bytes intact through a channel with 10% loss, 10% duplicated, 10% reordered")
    void channelTenPercentLoss() throws Exception {
        Transfers.assertThroughChannel(NAME, SENDER, 1, DATA, Impairments.of(0.1, 0.1, 0.1), 2);
    }

    @Test
    @Points(3)
    @DisplayName("moves 12,000 bytes intact through a channel with 30% loss, 10% duplicated, 10% reordered")
    void channelThirtyPercentLoss() throws Exception {
        Transfers.assertThroughChannel(NAME, SENDER, 1, DATA, Impairments.of(0.3, 0.1, 0.1), 3);
    }

    @Test
    @Points(2)
    @DisplayName("ends cleanly on both sides when the ACK of the FIN is lost")
    void lastAckLost() throws Exception {
        byte[] data = Loopback.seededBytes(1_800, 9);
        try (DatagramSocket receiverSocket = Loopback.socket(); DatagramSocket senderSocket = Loopback.socket();
                FinAckDropper network = FinAckDropper.start(Loopback.address(receiverSocket))) {
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(receiverSocket, Transfers.CONFIG));
            Async<Void> sending = Transfers.sendTo(NAME, SENDER, network.address(), data, Transfers.CONFIG, senderSocket);
            receiving.await(Transfers.CONFIG.giveUpAfter().plusSeconds(2));
            String scenario = "sent 1,800 bytes with " + NAME + " to ReliableReceiver.receive through a network that loses the"
                    + " first ACK of the FIN (dropped " + network.dropped() + "). ";
            assertTrue(sending.returned(), () -> scenario + "Expected the sender to send the FIN again and return once it is"
                    + " acknowledged, but " + sending.describe() + "; " + receiving.describe() + ". The receiver must linger after"
                    + " the FIN to acknowledge a repeated FIN.");
            assertTrue(receiving.returned(), () -> scenario + "The sender returned, but " + receiving.describe());
            String mismatch = Loopback.mismatch(data, receiving.value());
            assertTrue(mismatch.isEmpty(), () -> scenario + "The receiver returned other bytes: " + mismatch + ". "
                    + Transfers.likelyCause(Transfers.chunks(data, Transfers.CONFIG.segmentSize()), receiving.value(), ""));
            assertEquals(1, network.dropped(), "the ACK of the FIN should have been dropped once");
        }
    }
}
