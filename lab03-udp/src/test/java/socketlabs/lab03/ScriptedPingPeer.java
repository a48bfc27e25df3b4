package socketlabs.lab03;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
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
 * Timing-free: a late reply is released by the next ping's arrival, not by a clock.
 */
final class ScriptedPingPeer extends Peer {
    enum Action { REPLY, DROP, LATE, TWICE }

    private final Map<Integer, Action> script;
    private final Action otherwise;
    private final List<Integer> seqs = new ArrayList<>();
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

    @Override
    void onDatagram(byte[] data, SocketAddress from) throws IOException {
        PingMessage ping = PingMessage.parse(data, 0, data.length);
        synchronized (this) {
            seqs.add(ping == null ? -1 : ping.seq());
        }
        if (held != null) {
            send(held, from);
            held = null;
        }
        Action action = ping == null ? Action.DROP : script.getOrDefault(ping.seq(), otherwise);
        switch (action) {
            case REPLY:
                send(data, from);
                break;
            case TWICE:
                send(data, from);
                send(data, from);
                break;
            case LATE:
                held = data;
                break;
            default:
                break;
        }
    }
}
