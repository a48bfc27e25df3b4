package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

/** Each example written in a starter's Javadoc, run as written: an example the code does not follow is a broken promise. */
@DisplayName("Tasks 2, 4 · The Javadoc's examples, as written")
class JavadocExamplesTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @Points(1)
    @DisplayName("Pinger.summarize: 1 ms, 3 ms and two time-outs give sent 4, received 2, loss 50, min 1, avg 2, max 3, mdev 1")
    void summarizeExample() {
        List<PingResult> results = List.of(PingResult.replied(1, 1_000_000), PingResult.replied(2, 3_000_000), PingResult.timedOut(3),
                PingResult.timedOut(4));
        PingSummary s = Pinger.summarize(results);
        assertEquals(new PingSummary(4, 2, 50.0, 1.0, 2.0, 3.0, 1.0), s, () -> "the Javadoc's example, summarize(" + results
                + "): expected sent 4, received 2, loss 50.0, min 1.0, avg 2.0, max 3.0, mdev 1.0, got " + s);
    }

    @Test
    @Points(1)
    @DisplayName("PingServer.serve with drop rate 1.0 answers nothing")
    void pingServerDropsAll() throws Exception {
        try (RunningServer server = RunningServer.start("PingServer.serve", s -> PingServer.serve(s, 1.0, 1));
                DatagramSocket client = Loopback.socket()) {
            for (int seq = 1; seq <= 3; seq++) {
                Loopback.send(client, new PingMessage(seq, seq).toBytes(), server.address());
            }
            byte[] reply = Loopback.receive(client, 300);
            assertNull(reply, () -> "sent 3 pings to PingServer.serve(socket, 1.0, 1), which drops every datagram (every draw is"
                    + " below 1.0); expected no reply, got " + Loopback.hex(reply) + server.problem());
            String problem = server.problem();
            assertTrue(problem.isEmpty(), () -> "PingServer.serve(socket, 1.0, 1) must go on serving (dropping) until its socket"
                    + " is closed" + problem);
        }
    }

    @Test
    @Points(1)
    @DisplayName("ReliableReceiver: the Javadoc's arrivals get ACK 1, 2, 2, 2, 3, 4, 5 and the stream \"abcdefgh\"")
    void receiverExample() throws Exception {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(20), 15);
        List<Segment> script = List.of(Segment.data(0, ascii("ab")), Segment.data(1, ascii("cd")), Segment.data(1, ascii("cd")),
                Segment.data(3, ascii("gh")), Segment.data(2, ascii("ef")), Segment.data(3, ascii("gh")), Segment.fin(4));
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

    @Test
    @Points(1)
    @DisplayName("StopAndWaitSender: \"hello\" in 2-byte segments is DATA 0 \"he\", DATA 1 \"ll\", DATA 2 \"o\", FIN 3")
    void stopAndWaitHelloExample() throws Exception {
        TransferConfig config = new TransferConfig(2, Duration.ofMillis(30), 30);
        try (TestReceiver receiver = TestReceiver.start(TestReceiver.Mode.NORMAL); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo("StopAndWaitSender.send", StopAndWaitSender::send, receiver.address(),
                    ascii("hello"), config, socket);
            List<Segment> expected = List.of(Segment.data(0, ascii("he")), Segment.data(1, ascii("ll")), Segment.data(2, ascii("o")),
                    Segment.fin(3));
            List<Segment> sent = Transfers.firstCopies(receiver.arrivals());
            assertTrue(sending.returned(), () -> "sent \"hello\" with segmentSize 2 to a receiver that acknowledges at once; "
                    + sending.describe());
            assertEquals(expected, sent, () -> "the Javadoc's example: expected " + expected + ", got " + sent);
        }
    }
}
