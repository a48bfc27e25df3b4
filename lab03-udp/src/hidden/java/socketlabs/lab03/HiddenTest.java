package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.lab03.ScriptedPingPeer.Action;

/**
 * The instructor's hidden checks: the visible tests' behaviours with other seeds, sizes and
 * scripts, so that code fitted to the visible cases does not pass by chance.
 */
@Hidden
@DisplayName("Hidden · other seeds, sizes and scripts")
class HiddenTest {

    @Test
    @Points(2)
    @DisplayName("echo client: skips a datagram from a stranger and returns the server's reply")
    void clientSkipsStranger() throws Exception {
        try (EchoPeer server = EchoPeer.start(); DatagramSocket socket = Loopback.socket(); DatagramSocket stranger = Loopback.socket()) {
            Loopback.send(stranger, "not the server".getBytes(StandardCharsets.US_ASCII), Loopback.address(socket));
            EchoReply reply = EchoClient.exchange(socket, server.address(), "real".getBytes(StandardCharsets.US_ASCII), 100,
                    Duration.ofSeconds(2));
            assertEquals("real", reply.text(), () -> "a stranger's datagram was waiting in the client's socket; expected the"
                    + " reply from the server (\"real\"), got " + reply + ". Only a datagram whose getSocketAddress() is the"
                    + " server's is the reply.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("ping server: drops by another seed and rate")
    void pingServerOtherSeed() throws Exception {
        PingerTest.assertDropsSeededShare(0.5, 2024, 24);
    }

    @Test
    @Points(2)
    @DisplayName("pinger: twelve pings with late, duplicated and dropped replies, two-digit sequence numbers included")
    void pingerOtherScript() throws Exception {
        Map<Integer, Action> script = Map.of(1, Action.LATE, 3, Action.TWICE, 5, Action.DROP, 10, Action.LATE, 12, Action.DROP);
        List<Boolean> expected = List.of(false, true, true, true, false, true, true, true, true, false, true, false);
        PingerTest.assertPings(script, expected, "the server answers pings 1 and 10 late, 3 twice, never 5 and 12. Match each"
                + " reply by its seq; skip late replies and second copies.");
    }

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

    @Test
    @Points(2)
    @DisplayName("Go-Back-N: 7,777 bytes, window 5, through 20% loss with duplication and reordering")
    void goBackNOtherChannel() throws Exception {
        Transfers.assertThroughChannel("GoBackNSender.send (window 5)", (s, to, d, c) -> GoBackNSender.send(s, to, d, 5, c),
                Loopback.seededBytes(7_777, 21), Impairments.of(0.2, 0.15, 0.15), 99);
    }

    @Test
    @Points(2)
    @DisplayName("stop-and-wait: with maxTries 2, sends a segment exactly twice to a receiver that is gone")
    void stopAndWaitTwoTries() throws Exception {
        TransferConfig twoTries = new TransferConfig(300, Duration.ofMillis(20), 2);
        try (SilentPeer gone = new SilentPeer(); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo("StopAndWaitSender.send", StopAndWaitSender::send, gone.address(),
                    Loopback.seededBytes(1_000, 22), twoTries, socket);
            assertTrue(sending.thrown() instanceof IOException, () -> "sent to a receiver that never answers, maxTries 2;"
                    + " expected an IOException, but " + sending.describe());
            int sent = gone.countBefore().size();
            assertEquals(2, sent, () -> "maxTries 2 means DATA 0 is sent twice in all, then the sender gives up; it was sent " + sent + " times");
        }
    }
}
