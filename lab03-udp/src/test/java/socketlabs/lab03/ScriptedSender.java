package socketlabs.lab03;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A named test peer for receivers: it sends a fixed script of segments (duplicates, segments out
 * of order, a short one then a long one...) back to back, without waiting, and records every ACK
 * that comes back. On loopback one socket's datagrams arrive in the order sent, so the receiver
 * sees exactly the script.
 */
final class ScriptedSender extends Peer {
    private final List<Integer> acks = new ArrayList<>();

    private ScriptedSender() throws IOException {
    }

    static ScriptedSender start() throws IOException {
        ScriptedSender peer = new ScriptedSender();
        peer.listen();
        return peer;
    }

    /** Sends the segments, in order. */
    void send(InetSocketAddress receiver, List<Segment> script) throws IOException {
        for (Segment s : script) {
            send(s.toBytes(), receiver);
        }
    }

    /** The numbers of the ACKs received so far, in arrival order (-1 for a datagram that is no ACK). */
    synchronized List<Integer> acks() {
        return new ArrayList<>(acks);
    }

    @Override
    void onDatagram(byte[] data, SocketAddress from) {
        Segment s = Segment.parse(data, 0, data.length);
        synchronized (this) {
            acks.add(s != null && s.type() == Segment.Type.ACK ? s.number() : -1);
        }
    }
}
