package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** The instructor's hidden checks of this task: the visible tests' behaviours with other seeds, sizes and scripts. */
@Hidden
@DisplayName("Task 4a · Receiver: in order, once, to the end")
class HiddenReceiverTest {

    @Test
    @Points(2)
    @DisplayName("receiver: ignores garbage and stray ACKs among the segments")
    void receiverIgnoresGarbage() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(20), 15);
        try (DatagramSocket socket = Loopback.socket(); ScriptedSender sender = ScriptedSender.start()) {
            sender.send(new byte[] {1, 0}, Loopback.address(socket));
            sender.send(Loopback.address(socket), List.of(Segment.ack(0), Segment.data(0, "abc".getBytes(StandardCharsets.US_ASCII))));
            sender.send(new byte[] {7, 0, 0, 0, 1, 'x'}, Loopback.address(socket));
            sender.send(Loopback.address(socket), List.of(Segment.data(1, "def".getBytes(StandardCharsets.US_ASCII)), Segment.fin(2)));
            // started after the script is queued, so a late start of its thread is no silence
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(socket, config));
            receiving.await(config.giveUpAfter().plusSeconds(2));
            assertTrue(receiving.returned(), () -> "played garbage (01 00), ACK 0, DATA 0 \"abc\", garbage (type 7), DATA 1 \"def\","
                    + " FIN 2; expected the stream \"abcdef\", but " + receiving.describe() + ". Segment.parse returns null"
                    + " for garbage: skip it, and skip ACKs.");
            assertEquals("abcdef", new String(receiving.value(), StandardCharsets.US_ASCII), "the stream, garbage left out");
        }
    }
}
