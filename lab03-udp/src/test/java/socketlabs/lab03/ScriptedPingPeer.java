package socketlabs.lab03;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named misbehaving ping server: what it does with each ping is scripted by sequence number,
 * so a test knows exactly which replies a correct pinger must count.
 * <ul>
 *   <li>{@code REPLY}: echo it at once (the default for a seq not in the script).</li>
 *   <li>{@code DROP}: never answer it.</li>
 *   <li>{@code LATE}: hold the reply and send it just before handling the next ping, so it
 *       arrives while the pinger waits for that later ping: a reply out of order.</li>
 *   <li>{@code TWICE}: echo it twice: a duplicate reply.</li>
 * </ul>
 * Timing-free: a late reply is released by the next ping's arrival, not by a clock. It records
 * what it got and sent, with times, for the report page's diagram of the run ({@link #trace}).
 */
final class ScriptedPingPeer extends Peer {
    enum Action { REPLY, DROP, LATE, TWICE }

    private final Map<Integer, Action> script;
    private final Action otherwise;
    private final List<Integer> seqs = new ArrayList<>();
    private final List<Map<String, Object>> pings = new ArrayList<>();
    private final List<Map<String, Object>> replies = new ArrayList<>();
    private final List<Integer> unanswered = new ArrayList<>();
    private long start = -1;
    private int handled;
    private byte[] held;

    private ScriptedPingPeer(Map<Integer, Action> script, Action otherwise) throws IOException {
        this.script = script;
        this.otherwise = otherwise;
    }

    /** A peer that follows {@code script} and replies to any ping not in it. */
    static ScriptedPingPeer start(Map<Integer, Action> script) throws IOException {
        ScriptedPingPeer peer = new ScriptedPingPeer(script, Action.REPLY);
        peer.listen();
        return peer;
    }

    /** A peer that drops every ping: a server that is down. */
    static ScriptedPingPeer silent() throws IOException {
        ScriptedPingPeer peer = new ScriptedPingPeer(Map.of(), Action.DROP);
        peer.listen();
        return peer;
    }

    /** The sequence numbers of the pings received, in arrival order (-1 for a datagram that is no ping). */
    synchronized List<Integer> seqs() {
        return new ArrayList<>(seqs);
    }

    /**
     * What this peer saw, as a {@code "ping"} trace for the report page: each datagram it got (its time and seq), each reply
     * it sent (late, a second copy, and how long after the ping's own send time it left), the pings it never answered.
     * {@code expected} says which pings a correct pinger gets a reply to; {@code reported} is what the pinger returned, or
     * null when it did not return, then {@code outcome} says what it did.
     */
    synchronized Map<String, Object> trace(List<Boolean> expected, List<PingResult> reported, String outcome, java.time.Duration timeout) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "ping");
        trace.put("timeout_ms", timeout.toMillis());
        trace.put("pings", new ArrayList<>(pings.subList(0, Math.min(pings.size(), 200))));
        trace.put("replies", new ArrayList<>(replies.subList(0, Math.min(replies.size(), 200))));
        trace.put("unanswered", new ArrayList<>(unanswered));
        trace.put("expected", expected);
        if (reported != null) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (PingResult r : reported) {
                if (r == null) {
                    continue; // a null in the list: the test's assertions say so
                }
                results.add(Map.of("seq", r.seq(), "rtt_ms", r.received() ? r.rttMillis() : -1));
            }
            trace.put("reported", results);
        } else {
            trace.put("outcome", outcome);
        }
        return trace;
    }

    @Override
    void onDatagram(byte[] data, SocketAddress from) throws IOException {
        PingMessage ping = PingMessage.parse(data, 0, data.length);
        Action action = ping == null ? Action.DROP : script.getOrDefault(ping.seq(), otherwise);
        synchronized (this) {
            seqs.add(ping == null ? -1 : ping.seq());
            pings.add(Map.of("t", millis(), "seq", ping == null ? -1 : ping.seq()));
            if (ping != null && action == Action.DROP) {
                unanswered.add(ping.seq());
            }
        }
        if (held != null) {
            reply(held, from, true, 1);
            held = null;
        }
        switch (action) {
            case REPLY:
                reply(data, from, false, 1);
                break;
            case TWICE:
                reply(data, from, false, 1);
                reply(data, from, false, 2);
                break;
            case LATE:
                held = data;
                break;
            default:
                break;
        }
        synchronized (this) {
            handled++;
        }
    }

    /** How many datagrams this peer has finished with (recorded, and answered as scripted). */
    synchronized int handled() {
        return handled;
    }

    // sends a reply and records it: when, and how long after the send time its ping carries (the pinger's System.nanoTime())
    // it leaves; the clock is read before the send, so the pinger cannot have the reply sooner than that
    private void reply(byte[] data, SocketAddress from, boolean late, int copy) throws IOException {
        long now = System.nanoTime();
        send(data, from);
        PingMessage ping = PingMessage.parse(data, 0, data.length);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", millis());
        r.put("seq", ping == null ? -1 : ping.seq());
        r.put("late", late);
        r.put("copy", copy);
        long since = ping == null ? -1 : now - ping.sendNanos();
        if (since > 0 && since < 60_000_000_000L) { // a send time from the same clock: the test runs in the pinger's JVM
            r.put("since_send_ms", since / 1e6);
        }
        synchronized (this) {
            replies.add(r);
        }
    }

    // milliseconds since the first datagram arrived
    private synchronized double millis() {
        long now = System.nanoTime();
        if (start < 0) {
            start = now;
        }
        return (now - start) / 1e6;
    }
}
