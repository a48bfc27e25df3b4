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
 * The waits of every task under datagrams that must not count: strays from other addresses, late
 * or stale answers, garbage. Each one arrives often, so code that restarts its wait on them waits
 * far too long; code that keeps one deadline ends on time, however busy the machine.
 */
@DisplayName("Tasks 1, 2, 4 · Waits that strays do not extend, peers that are not strangers")
class TimersTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @Points(2)
    @DisplayName("echo client: strays arriving every 20 ms do not extend the 300 ms timeout")
    void echoClientStraysDoNotExtendTheWait() throws Exception {
        try (SilentPeer server = new SilentPeer(); DatagramSocket socket = Loopback.socket();
                StrayDripper strays = StrayDripper.start(Loopback.address(socket), Duration.ofMillis(20), List.of(ascii("stray")))) {
            Async<EchoReply> exchange = Async.start("EchoClient.exchange",
                    () -> EchoClient.exchange(socket, server.address(), ascii("anyone?"), 100, Duration.ofMillis(300)));
            boolean ended = exchange.await(Duration.ofSeconds(4));
            assertTrue(ended, () -> "sent a datagram to a server that never replies, timeout 300 ms, while a stranger sent a"
                    + " datagram to the client every 20 ms; after 4 s EchoClient.exchange was still waiting. Each stray"
                    + " restarted the wait: keep one deadline (sent + timeout) and set the socket's timeout to what is left of it.");
            assertTrue(exchange.returned() && exchange.value().outcome() == EchoReply.Outcome.TIMED_OUT, () -> "expected TIMED_OUT"
                    + " (the strays are not from the server), but " + (exchange.returned() ? "got " + exchange.value() : exchange.describe()));
        }
    }

    @Test
    @Points(2)
    @DisplayName("pinger: strays arriving every 20 ms do not extend each ping's 300 ms wait")
    void pingerStraysDoNotExtendTheWait() throws Exception {
        try (ScriptedPingPeer server = ScriptedPingPeer.silent(); DatagramSocket socket = Loopback.socket();
                StrayDripper strays = StrayDripper.start(Loopback.address(socket), Duration.ofMillis(20),
                        List.of(new PingMessage(1, 0).toBytes(), ascii("no ping"), new PingMessage(7, 0).toBytes()))) {
            Async<List<PingResult>> ping = Async.start("Pinger.ping", () -> Pinger.ping(socket, server.address(), 2, Duration.ofMillis(300)));
            assertTrue(ping.await(Duration.ofSeconds(4)), () -> "pinged a server that never replies, 2 pings, timeout 300 ms,"
                    + " while a stranger sent a datagram (ping 1, ping 7, or no ping) every 20 ms; after 4 s Pinger.ping was"
                    + " still running. Each stray restarted the wait: count the timeout from the send, and wait only for what is"
                    + " left of it.");
            assertTrue(ping.returned(), ping::describe);
            assertEquals(List.of(PingResult.timedOut(1), PingResult.timedOut(2)), ping.value(), () -> "the server never replied:"
                    + " expected both pings timed out, got " + ping.value() + ". A datagram from another address is no reply,"
                    + " even when it reads as ping 1.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("pinger: a reply from another address than the server's is not the reply")
    void pingerSkipsStrangersReply() throws Exception {
        try (ScriptedPingPeer server = ScriptedPingPeer.silent(); DatagramSocket socket = Loopback.socket();
                DatagramSocket stranger = Loopback.socket()) {
            Loopback.send(stranger, new PingMessage(1, 0).toBytes(), Loopback.address(socket)); // waiting before the pinger starts
            Loopback.send(stranger, new PingMessage(2, 0).toBytes(), Loopback.address(socket));
            Async<List<PingResult>> ping = Async.start("Pinger.ping", () -> Pinger.ping(socket, server.address(), 2, Duration.ofMillis(100)));
            assertTrue(ping.await(Duration.ofSeconds(3)) && ping.returned(), ping::describe);
            assertEquals(List.of(PingResult.timedOut(1), PingResult.timedOut(2)), ping.value(), () -> "a server that never replies,"
                    + " and replies to pings 1 and 2 from another address waiting in the pinger's socket: expected both timed"
                    + " out, got " + ping.value() + ". Take as a reply only a datagram whose getSocketAddress() is the server's.");
        }
    }

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
}
