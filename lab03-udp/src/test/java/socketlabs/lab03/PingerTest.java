package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.Trace;
import socketlabs.lab03.ScriptedPingPeer.Action;

@DisplayName("Task 2 · UDP pinger")
@ExtendWith(Trace.class) // the pings and replies of each run, drawn on the report page
class PingerTest {
    /** Long enough that a loopback reply (well under 1 ms) is never late by accident, even on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    // ---- the server ----

    @Test
    @Points(2)
    @DisplayName("server: with drop rate 0, echoes every datagram exactly")
    void pingServerEchoesAll() throws Exception {
        try (RunningServer server = RunningServer.start("PingServer.serve", s -> PingServer.serve(s, 0.0, 1));
                DatagramSocket client = Loopback.socket()) {
            for (int i = 1; i <= 5; i++) {
                byte[] ping = new PingMessage(i, 1000L * i).toBytes();
                Loopback.send(client, ping, server.address());
                byte[] reply = server.reply(client, 2_000);
                int n = i;
                assertArrayEquals(ping, reply, () -> "sent ping " + n + " (" + new String(ping, StandardCharsets.US_ASCII)
                        + ") to PingServer.serve with drop rate 0; expected the same bytes back, got " + Loopback.hex(reply) + server.problem());
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("server: drops exactly the datagrams whose seeded draw is below the drop rate")
    void pingServerDropsSeededShare() throws Exception {
        assertDropsSeededShare(0.3, 7, 30);
    }

    /** Sends {@code count} datagrams in a burst and checks which ones came back against the seed's draws. */
    static void assertDropsSeededShare(double rate, long seed, int count) throws Exception {
        Random random = new Random(seed);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (random.nextDouble() >= rate) {
                expected.add(i);
            }
        }
        try (RunningServer server = RunningServer.start("PingServer.serve", s -> PingServer.serve(s, rate, seed));
                DatagramSocket client = Loopback.socket()) {
            for (int i = 0; i < count; i++) {
                Loopback.send(client, ("datagram " + i).getBytes(StandardCharsets.US_ASCII), server.address());
            }
            List<Integer> echoed = new ArrayList<>();
            // generous while replies a correct server sends are still due (a busy machine stalls), brief for any beyond them
            for (byte[] reply; (reply = server.reply(client, echoed.size() < expected.size() ? 2_000 : 300)) != null; ) {
                echoed.add(Integer.parseInt(new String(reply, StandardCharsets.US_ASCII).substring("datagram ".length())));
            }
            assertEquals(expected, echoed, () -> "sent datagrams 0-" + (count - 1) + " to PingServer.serve(socket, " + rate + ", " + seed
                    + "); the draws of new Random(" + seed + ") say these come back: " + expected + "; these came back: " + echoed
                    + server.problem() + ". Draw exactly one random.nextDouble() per datagram, in arrival order, from one Random"
                    + " made once; drop when the draw is < dropRate.");
        }
    }

    // ---- the pinger ----

    @Test
    @Points(2)
    @DisplayName("pinger: sends pings 1..N, each a PingMessage, and reports every reply's round-trip time")
    void pingerAllReplied() throws Exception {
        try (ScriptedPingPeer server = ScriptedPingPeer.start(Map.of()); DatagramSocket socket = Loopback.socket()) {
            Async<List<PingResult>> ping = Async.start("Pinger.ping", () -> Pinger.ping(socket, server.address(), 5, TIMEOUT));
            ping.await(Duration.ofSeconds(6));
            attach(server, ping, List.of(true, true, true, true, true), TIMEOUT);
            assertTrue(ping.returned(), () -> ping.describe() + "; pinged a server that answers every ping at once, 5 pings,"
                    + " timeout 500 ms: expected 5 results.");
            List<PingResult> results = ping.value();
            assertEquals(List.of(1, 2, 3, 4, 5), server.seqs(), () -> "Pinger.ping(count 5): expected the server to receive pings"
                    + " with seq 1, 2, 3, 4, 5 (each new PingMessage(seq, System.nanoTime()).toBytes()), got " + server.seqs()
                    + " (-1 = not a ping)");
            assertEquals(5, results.size(), () -> "expected 5 results, got " + results);
            for (int i = 0; i < 5; i++) {
                PingResult r = results.get(i);
                int seq = i + 1;
                assertTrue(r.seq() == seq && r.received() && r.rttNanos() > 0 && r.rttNanos() <= TIMEOUT.toNanos() * 2,
                        () -> "the server answered every ping at once; result " + seq + " should be seq=" + seq + " with a"
                                + " round-trip time above 0 and within the timeout, got " + r + " (all: " + results + ")");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("pinger: a server that never replies gives 'timed out' for every ping, not a hang")
    void pingerNeverReplied() throws Exception {
        try (ScriptedPingPeer server = ScriptedPingPeer.silent(); DatagramSocket socket = Loopback.socket()) {
            socket.setSoTimeout(5_000); // longer than the test waits: the pinger must bound each wait itself
            Async<List<PingResult>> ping = Async.start("Pinger.ping", () -> Pinger.ping(socket, server.address(), 3, Duration.ofMillis(100)));
            boolean ended = ping.await(Duration.ofSeconds(3));
            attach(server, ping, List.of(false, false, false), Duration.ofMillis(100));
            assertTrue(ended, "pinged a server that never replies, 3 pings, timeout 100 ms; after 3 s"
                    + " Pinger.ping was still waiting. Waiting forever for a reply: set the socket's timeout to what is left of"
                    + " the ping's wait, and move on when it runs out.");
            assertTrue(ping.returned(), () -> ping.describe() + "; expected 3 'timed out' results. A ping with no reply is a"
                    + " result, not an error: catch SocketTimeoutException.");
            List<PingResult> results = ping.value();
            assertEquals(List.of(PingResult.timedOut(1), PingResult.timedOut(2), PingResult.timedOut(3)), results,
                    () -> "expected seq=1, 2, 3 all timed out, got " + results);
        }
    }

    @Test
    @Points(3)
    @DisplayName("pinger: matches replies by sequence number, not by arrival order")
    void pingerMatchesBySequence() throws Exception {
        // 2 and 5 are answered only when the next ping arrives: after their own timeout, ahead of the next reply
        Map<Integer, Action> script = Map.of(2, Action.LATE, 4, Action.DROP, 5, Action.LATE, 7, Action.DROP);
        List<Boolean> expected = List.of(true, false, true, false, false, true, false);
        assertPings(script, expected, "the server answers ping 2 and ping 5 late: their replies arrive just before the replies"
                + " to pings 3 and 6, while the pinger waits for those, and it never answers 4 and 7. Matching replies by order"
                + " instead of sequence number counts the late reply 2 as the answer to ping 3 and the leftover reply 3 as the"
                + " answer to ping 4. Take as a ping's reply only a datagram with its seq; skip the others.");
    }

    @Test
    @Points(2)
    @DisplayName("pinger: counts a duplicated reply once")
    void pingerIgnoresDuplicates() throws Exception {
        Map<Integer, Action> script = Map.of(1, Action.TWICE, 2, Action.TWICE, 3, Action.DROP);
        List<Boolean> expected = List.of(true, true, false, true);
        assertPings(script, expected, "the server answers pings 1 and 2 twice and never answers 3. Ignoring duplicates: the"
                + " second copy of a reply is not the reply to the next ping. Skip any reply whose seq is not the one you wait for.");
    }

    static void assertPings(Map<Integer, Action> script, List<Boolean> expected, String scenario) throws Exception {
        try (ScriptedPingPeer server = ScriptedPingPeer.start(script); DatagramSocket socket = Loopback.socket()) {
            socket.setSoTimeout(5_000);
            Async<List<PingResult>> ping = Async.start("Pinger.ping", () -> Pinger.ping(socket, server.address(), expected.size(), TIMEOUT));
            boolean ended = ping.await(Duration.ofSeconds(6));
            attach(server, ping, expected, TIMEOUT);
            assertTrue(ended && ping.returned(), () -> ping.describe() + "; " + scenario);
            List<PingResult> results = ping.value();
            List<Boolean> received = results.stream().map(PingResult::received).collect(Collectors.toList());
            List<Integer> seqs = results.stream().map(PingResult::seq).collect(Collectors.toList());
            List<Integer> expectedSeqs = new ArrayList<>();
            for (int i = 1; i <= expected.size(); i++) {
                expectedSeqs.add(i);
            }
            assertEquals(expectedSeqs, seqs, () -> "expected one result per ping, seq 1.." + expected.size() + ", got " + results);
            assertEquals(expected, received, () -> "pinged " + expected.size() + " times; " + scenario + "\n expected received: "
                    + expected + "\n got:               " + received + "\n results: " + results);
        }
    }

    /**
     * Attaches the run to the test's result: the pings and replies as {@code server} saw them, beside the results the pinger
     * reported ({@code expected}: which pings a correct pinger gets a reply to), drawn on the report page.
     */
    static void attach(ScriptedPingPeer server, Async<List<PingResult>> ping, List<Boolean> expected, Duration timeout) {
        List<PingResult> results = ping.returned() ? ping.value() : null;
        if (results != null) {
            // the pinger may return before the server's thread has handled its last ping: let the record catch up
            Wait.atMost(Duration.ofSeconds(1), () -> server.handled() >= results.size());
        }
        Trace.attach(server.trace(expected, results, ping.returned() ? "Pinger.ping returned null" : ping.describe(), timeout));
    }

    // ---- the summary ----

    @Test
    @Points(2)
    @DisplayName("summary: sent, received, loss %, and min/avg/max/mdev over the received pings only")
    void summary() throws Exception {
        List<PingResult> results = List.of(PingResult.replied(1, 1_000_000), PingResult.timedOut(2), PingResult.replied(3, 2_000_000),
                PingResult.replied(4, 3_000_000));
        PingSummary s = Pinger.summarize(results);
        String given = "summarize(" + results + ")";
        assertEquals(4, s.sent(), () -> given + ": expected sent 4, got " + s);
        assertEquals(3, s.received(), () -> given + ": expected received 3, got " + s);
        assertEquals(25.0, s.lossPercent(), 1e-9, () -> given + ": expected loss 25%, got " + s);
        assertEquals(1.0, s.minMs(), 1e-9, () -> given + ": expected min 1.000 ms, got " + s.minMs()
                + ". A timed-out ping has no round-trip time: leave it out of min/avg/max/mdev (it is not 0 and not -1).");
        assertEquals(2.0, s.avgMs(), 1e-9, () -> given + ": expected avg 2.000 ms, got " + s.avgMs() + ". Average over the received pings only.");
        assertEquals(3.0, s.maxMs(), 1e-9, () -> given + ": expected max 3.000 ms, got " + s.maxMs());
        assertEquals(Math.sqrt(2.0 / 3), s.mdevMs(), 1e-9, () -> given + ": expected mdev 0.816 ms, got " + s.mdevMs()
                + ". ping's mdev is sqrt(mean(rtt^2) - mean(rtt)^2), dividing by n (1.0 would be the n - 1 kind).");
    }

    @Test
    @Points(1)
    @DisplayName("summary: nothing received is 100% loss with zero times; nothing sent is 0% loss")
    void summaryEdgeCases() throws Exception {
        PingSummary none = Pinger.summarize(List.of(PingResult.timedOut(1), PingResult.timedOut(2)));
        assertEquals(new PingSummary(2, 0, 100.0, 0, 0, 0, 0), none, () -> "two pings, both timed out: expected 2 sent, 0 received,"
                + " 100% loss and every time 0, got " + none);
        PingSummary empty = Pinger.summarize(List.of());
        assertEquals(new PingSummary(0, 0, 0.0, 0, 0, 0, 0), empty, () -> "no pings at all: expected 0 sent and 0% loss (not a"
                + " division by zero, not NaN), got " + empty);
    }
}
