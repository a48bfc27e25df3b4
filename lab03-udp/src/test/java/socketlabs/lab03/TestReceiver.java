package socketlabs.lab03;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A correct reliable receiver on the test side (the protocol of {@link Segment}, cumulative
 * ACKs), for testing senders apart from the student's receiver, with named misbehaviours:
 * <ul>
 *   <li>{@link Mode#NORMAL}: acknowledges every DATA and FIN at once.</li>
 *   <li>{@link Mode#DROP_FIRST_COPY}: ignores the first copy of every segment, as if the network
 *       had lost it; only a retransmission gets through.</li>
 *   <li>{@link Mode#HOLD_ACKS}: acknowledges nothing until {@code hold} datagrams have arrived,
 *       then handles them all and goes on normally; shows how many segments a sender sends
 *       before it waits.</li>
 * </ul>
 * It stays (acknowledging a repeated FIN) until closed.
 */
final class TestReceiver extends Peer {
    enum Mode { NORMAL, DROP_FIRST_COPY, HOLD_ACKS }

    private final Mode mode;
    private final int hold;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final List<Segment> arrivals = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Segment> held = new ArrayList<>();
    private final List<SocketAddress> heldFrom = new ArrayList<>();
    private int expected;
    private boolean finished;

    private TestReceiver(Mode mode, int hold) throws IOException {
        this.mode = mode;
        this.hold = hold;
    }

    static TestReceiver start(Mode mode) throws IOException {
        return start(mode, 0);
    }

    static TestReceiver start(Mode mode, int hold) throws IOException {
        TestReceiver peer = new TestReceiver(mode, hold);
        peer.listen();
        return peer;
    }

    /** The stream delivered so far, in order. */
    synchronized byte[] data() {
        return data.toByteArray();
    }

    /** True once the FIN in its place has arrived. */
    synchronized boolean finished() {
        return finished;
    }

    /** Every DATA and FIN that arrived, in arrival order, copies and ignored ones included. */
    synchronized List<Segment> arrivals() {
        return new ArrayList<>(arrivals);
    }

    @Override
    synchronized void onDatagram(byte[] bytes, SocketAddress from) throws IOException {
        Segment s = Segment.parse(bytes, 0, bytes.length);
        if (s == null || s.type() == Segment.Type.ACK) {
            return;
        }
        arrivals.add(s);
        if (mode == Mode.DROP_FIRST_COPY && seen.add(s.type() + " " + s.number())) {
            return; // "lost" on the way
        }
        if (mode == Mode.HOLD_ACKS && held.size() < hold) {
            held.add(s);
            heldFrom.add(from);
            if (held.size() == hold) {
                for (int i = 0; i < held.size(); i++) {
                    handle(held.get(i), heldFrom.get(i));
                }
            }
            return;
        }
        handle(s, from);
    }

    private void handle(Segment s, SocketAddress from) throws IOException {
        if (!finished && s.number() == expected) {
            if (s.type() == Segment.Type.DATA) {
                data.write(s.payload());
            } else {
                finished = true;
            }
            expected++;
        }
        send(Segment.ack(expected).toBytes(), from);
    }
}
