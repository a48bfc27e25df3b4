package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

/**
 * What counts as a sign of a sender (DATA and FIN only), and the Javadoc's example of arrivals
 * and ACKs, as written.
 */
@DisplayName("Task 4a · Receiver: in order, once, to the end")
class ReceiverSilenceTest {
    @Test
    @Points(2)
    @DisplayName("receiver: garbage and ACKs every 20 ms are no sign of a sender: it still gives up after giveUpAfter()")
    void receiverGarbageDoesNotResetSilence() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(30), 10); // giveUpAfter 300 ms
        try (DatagramSocket socket = Loopback.socket();
                StrayDripper garbage = StrayDripper.start(Loopback.address(socket), Duration.ofMillis(20),
                        List.of(new byte[] {1, 0}, Segment.ack(0).toBytes(), new byte[] {7, 0, 0, 0, 0}))) {
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(socket, config));
            assertTrue(receiving.await(Duration.ofSeconds(4)), () -> "no sender, but garbage, ACK 0 and a segment of unknown type"
                    + " arrive every 20 ms, giveUpAfter() 300 ms; after 4 s ReliableReceiver.receive was still waiting. Only a"
                    + " DATA or FIN shows the sender is there: keep one deadline and move it on for those alone.");
            assertTrue(receiving.thrown() instanceof IOException, () -> "expected an IOException (no sender), but " + receiving.describe());
        }
    }

    @Test
    @Points(1)
    @DisplayName("ReliableReceiver: the Javadoc's arrivals get ACK 1, 2, 2, 2, 3, 4, 5 and the stream \"abcdefgh\"")
    void receiverExample() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(20), 15);
        List<Segment> script = List.of(Segment.data(0, Loopback.ascii("ab")), Segment.data(1, Loopback.ascii("cd")), Segment.data(1, Loopback.ascii("cd")),
                Segment.data(3, Loopback.ascii("gh")), Segment.data(2, Loopback.ascii("ef")), Segment.data(3, Loopback.ascii("gh")), Segment.fin(4));
        try (DatagramSocket socket = Loopback.socket(); ScriptedSender sender = ScriptedSender.start()) {
            sender.send(Loopback.address(socket), script); // waiting in the socket before the receiver starts
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(socket, config));
            receiving.await(config.giveUpAfter().plusSeconds(2));
            assertTrue(receiving.returned(), () -> "played the Javadoc's example " + Transfers.names(script) + "; expected the"
                    + " stream after lingering, but " + receiving.describe());
            Wait.atMost(Duration.ofSeconds(2), () -> sender.acks().size() >= script.size());
            assertEquals("abcdefgh", new String(receiving.value(), StandardCharsets.US_ASCII), "the stream of the Javadoc's example");
            assertEquals(List.of(1, 2, 2, 2, 3, 4, 5), sender.acks(), () -> "the Javadoc's example: each DATA and FIN answered with"
                    + " ACK expected, after taking it into account; expected ACK 1, 2, 2, 2, 3, 4, 5, got " + sender.acks());
        }
    }
}
