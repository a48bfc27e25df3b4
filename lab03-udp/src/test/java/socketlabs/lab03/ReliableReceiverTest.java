package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

@DisplayName("Task 4a · Receiver: in order, once, to the end")
class ReliableReceiverTest {
    /** Lingers 300 ms after the FIN. */
    private static final TransferConfig CONFIG = new TransferConfig(500, Duration.ofMillis(20), 15);

    private static Segment data(int seq, String text) {
        return Segment.data(seq, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Plays {@code script} to ReliableReceiver.receive; returns the receiver's run (ended or not) and the ACKs seen. */
    private static Run play(List<Segment> script, TransferConfig config) throws Exception {
        try (DatagramSocket socket = Loopback.socket(); ScriptedSender sender = ScriptedSender.start()) {
            // the script waits in the receiver's socket first, so a late start of the receiver's thread is no silence
            sender.send(Loopback.address(socket), script);
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(socket, config));
            receiving.await(config.giveUpAfter().plusSeconds(2));
            // a correct receiver answers every segment; give the last ACKs time to reach the sender's thread on a busy machine
            if (receiving.returned()) {
                Wait.atMost(Duration.ofSeconds(2), () -> sender.acks().size() >= script.size());
            }
            List<byte[]> chunks = script.stream().filter(x -> x.type() == Segment.Type.DATA).sorted(Comparator.comparingInt(Segment::number))
                    .distinct().map(Segment::payload).collect(Collectors.toList());
            return new Run(receiving, sender.acks(), "played " + Transfers.names(script) + " to ReliableReceiver.receive. ", chunks);
        }
    }

    private record Run(Async<byte[]> receiving, List<Integer> acks, String scenario, List<byte[]> chunks) {
        byte[] returned() {
            if (!receiving.returned()) {
                fail(scenario + "Expected it to return the stream after the FIN (and its lingering), but " + receiving.describe()
                        + ". ACKs sent: " + acks);
            }
            return receiving.value();
        }
    }

    private static void assertStream(String expected, Run run, String likelyCause) {
        byte[] bytes = run.returned();
        String got = new String(bytes, StandardCharsets.US_ASCII);
        assertEquals(expected, got, () -> run.scenario() + "Expected the stream \"" + expected + "\", got \"" + got + "\". "
                + Transfers.likelyCause(run.chunks(), bytes, likelyCause) + " ACKs sent: " + run.acks());
    }

    @Test
    @Points(2)
    @DisplayName("returns DATA 0, 1, 2 as one stream after the FIN, acknowledging each with the next number expected")
    void inOrder() throws Exception {
        Run run = play(List.of(data(0, "abc"), data(1, "def"), data(2, "gh"), Segment.fin(3)), CONFIG);
        assertStream("abcdefgh", run, "Append each DATA numbered `expected` and move `expected` on.");
        assertEquals(List.of(1, 2, 3, 4), run.acks(), () -> run.scenario() + "Expected ACK 1, 2, 3, 4 (the next number"
                + " expected, after each segment), got " + run.acks() + " (-1 = a datagram that is no ACK).");
    }

    @Test
    @Points(3)
    @DisplayName("delivers a duplicated segment once, and acknowledges the copy again")
    void duplicates() throws Exception {
        Run run = play(List.of(data(0, "ab"), data(1, "cd"), data(1, "cd"), data(2, "ef"), Segment.fin(3)), CONFIG);
        assertStream("abcdef", run, "Ignoring duplicates: DATA 1 came twice (the sender resent it, or the network"
                + " copied it), and a second copy must add nothing.");
        assertEquals(List.of(1, 2, 2, 3, 4), run.acks(), () -> run.scenario() + "Expected ACK 1, 2, 2, 3, 4: a duplicate is"
                + " acknowledged again (ACK 2), since the sender may have lost the first ACK, got " + run.acks() + ".");
    }

    @Test
    @Points(3)
    @DisplayName("delivers in order when segments arrive out of order")
    void outOfOrder() throws Exception {
        Run run = play(List.of(data(0, "ab"), data(2, "ef"), data(1, "cd"), data(2, "ef"), Segment.fin(3)), CONFIG);
        assertStream("abcdef", run, "Delivering out of order: DATA 2 arrived before DATA 1. Deliver only the segment"
                + " numbered `expected`; an early one is dropped (Go-Back-N) or kept aside until its turn (selective repeat).");
        List<Integer> acks = run.acks();
        assertTrue(!acks.isEmpty() && acks.get(acks.size() - 1) == 4, () -> run.scenario() + "The FIN 3 should be answered"
                + " with ACK 4; ACKs sent: " + acks);
    }

    @Test
    @Points(2)
    @DisplayName("receives a full segment whole after a short one")
    void shortThenLong() throws Exception {
        String full = "x".repeat(500);
        Run run = play(List.of(data(0, "abc"), data(1, full), Segment.fin(2)), CONFIG);
        byte[] got = run.returned();
        byte[] expected = ("abc" + full).getBytes(StandardCharsets.US_ASCII);
        String mismatch = Loopback.mismatch(expected, got);
        assertTrue(mismatch.isEmpty(), () -> run.scenario() + "Expected the 3 + 500 bytes: " + mismatch + ". "
                + Transfers.likelyCause(run.chunks(), got, "receive() keeps at most the packet's length: receive each datagram"
                + " into a packet as long as the whole buffer."));
    }

    @Test
    @Points(2)
    @DisplayName("lingers after the FIN and acknowledges it again when the sender repeats it (the last ACK was lost)")
    void lingersAfterFin() throws Exception {
        // lingers 2 s: room for the test to see ACK 2 and send the FIN again even when the machine is busy
        TransferConfig lingering = new TransferConfig(500, Duration.ofMillis(50), 40);
        try (DatagramSocket socket = Loopback.socket(); ScriptedSender sender = ScriptedSender.start()) {
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(socket, lingering));
            sender.send(Loopback.address(socket), List.of(data(0, "end"), Segment.fin(1)));
            Wait.until(Duration.ofSeconds(2), () -> sender.acks().size() >= 2, receiving, () -> "played DATA 0, FIN 1 to"
                    + " ReliableReceiver.receive; expected ACK 1 and ACK 2, got " + sender.acks() + "; " + receiving.describe());
            // as if ACK 2 had been lost: the sender's timer fires and it sends the FIN again
            sender.send(Loopback.address(socket), List.of(Segment.fin(1)));
            Wait.until(Duration.ofMillis(800), () -> sender.acks().size() >= 3, receiving, () -> "played DATA 0, FIN 1, got ACK 1 and ACK 2,"
                    + " then sent FIN 1 again, as a sender does when the ACK of its FIN is lost; expected ACK 2 again, got "
                    + "nothing (ACKs: " + sender.acks() + "; " + receiving.describe() + "). The last ACK can be lost too: after"
                    + " the FIN, linger, acknowledging whatever arrives, until nothing has come for config.giveUpAfter().");
            assertEquals(List.of(1, 2, 2), sender.acks(), "ACKs for DATA 0, FIN 1, FIN 1 again");
            receiving.await(Duration.ofSeconds(4));
            assertTrue(receiving.returned(), () -> "after lingering, receive must return the stream; " + receiving.describe());
            assertEquals("end", new String(receiving.value(), StandardCharsets.US_ASCII), "the stream");
        }
    }

    @Test
    @Points(2)
    @DisplayName("throws an IOException, not a hang, when the sender goes silent before the FIN")
    void givesUpOnSilentSender() throws Exception {
        try (DatagramSocket socket = Loopback.socket(); ScriptedSender sender = ScriptedSender.start()) {
            socket.setSoTimeout(5_000); // longer than the test waits: the receiver must bound its own wait
            Async<byte[]> receiving = Async.start("ReliableReceiver.receive", () -> ReliableReceiver.receive(socket, CONFIG));
            sender.send(Loopback.address(socket), List.of(data(0, "and then nothing")));
            String scenario = "played DATA 0 to ReliableReceiver.receive, then nothing more (giveUpAfter "
                    + CONFIG.giveUpAfter().toMillis() + " ms). ";
            assertTrue(receiving.await(Duration.ofSeconds(3)), scenario + "After 3 s it was still waiting. Waiting forever for"
                    + " a sender that is gone: set the socket's timeout to config.giveUpAfter() and throw an IOException when it"
                    + " runs out before the FIN.");
            assertTrue(receiving.thrown() instanceof IOException, () -> scenario + "Expected an IOException saying the sender"
                    + " is gone; " + receiving.describe() + ". Returning would pass off a partial stream as whole.");
        }
    }
}
