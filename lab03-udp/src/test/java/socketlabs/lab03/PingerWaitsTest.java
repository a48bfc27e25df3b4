package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.Trace;

/**
 * The pinger's waits under strays and strangers, the ping server's end, and the Javadoc's
 * examples as written.
 */
@DisplayName("Task 2 · UDP pinger")
@ExtendWith(Trace.class) // the pings of each run, drawn on the report page
class PingerWaitsTest {
    @Test
    @Points(2)
    @DisplayName("pinger: strays arriving every 20 ms do not extend each ping's 300 ms wait")
    void pingerStraysDoNotExtendTheWait() throws Exception {
        try (ScriptedPingPeer server = ScriptedPingPeer.silent(); DatagramSocket socket = Loopback.socket();
                StrayDripper strays = StrayDripper.start(Loopback.address(socket), Duration.ofMillis(20),
                        List.of(new PingMessage(1, 0).toBytes(), Loopback.ascii("no ping"), new PingMessage(7, 0).toBytes()))) {
            Async<List<PingResult>> ping = Async.start("Pinger.ping", () -> Pinger.ping(socket, server.address(), 2, Duration.ofMillis(300)));
            boolean ended = ping.await(Duration.ofSeconds(4));
            PingerTest.attach(server, ping, List.of(false, false), Duration.ofMillis(300));
            assertTrue(ended, () -> "pinged a server that never replies, 2 pings, timeout 300 ms,"
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
            boolean ended = ping.await(Duration.ofSeconds(3));
            PingerTest.attach(server, ping, List.of(false, false), Duration.ofMillis(100));
            assertTrue(ended && ping.returned(), ping::describe);
            assertEquals(List.of(PingResult.timedOut(1), PingResult.timedOut(2)), ping.value(), () -> "a server that never replies,"
                    + " and replies to pings 1 and 2 from another address waiting in the pinger's socket: expected both timed"
                    + " out, got " + ping.value() + ". Take as a reply only a datagram whose getSocketAddress() is the server's.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("ping server: returns normally when another thread closes its socket")
    void pingServerReturnsOnClose() throws Exception {
        ServerEnds.assertReturnsOnClose("PingServer.serve", s -> PingServer.serve(s, 0.0, 5));
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
}
