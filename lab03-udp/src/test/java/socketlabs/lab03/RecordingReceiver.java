package socketlabs.lab03;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A named test peer for senders: it records every datagram a sender sends, in arrival order and
 * with its arrival time, and answers only as its {@link Script} says, so a test can check the
 * exact sequence a sender produced, not only that the data got through.
 * <ul>
 *   <li>{@link #silent()}: answers nothing, the receiver that has gone.</li>
 *   <li>{@link #scripted(Script)}: answers the arrivals the script picks, with the ACK it names.</li>
 *   <li>{@link #slow(Script, Duration)}: the same, but holds each ACK for a while before sending
 *       it, a named slow peer: it pauses on purpose, so an ACK arrives while the sender's timer runs.</li>
 *   <li>{@link #dripping(Duration, List)}: answers nothing, but from the first arrival on sends the
 *       given datagrams (stale ACKs, garbage) round and round, one every {@code every}, a named
 *       slow peer: it pauses on purpose, to keep something arriving while the sender's timer runs.</li>
 * </ul>
 * {@link #recorded} counts exactly: the test sends a marker after the sender is done, and
 * everything the sender sent is ahead of it in the socket's queue.
 */
final class RecordingReceiver extends Peer {
    /** What to answer: the ACK number for the {@code copy}-th arrival (1 = first) of {@code segment}, or null for none. */
    interface Script {
        Integer answer(Segment segment, int copy);
    }

    private static final byte[] MARKER = "end-of-test-marker".getBytes(StandardCharsets.US_ASCII);

    private final Script script;
    private final Duration every;
    private final Duration hold;
    private final List<byte[]> drip;
    private final List<Segment> arrivals = new ArrayList<>();
    private final List<Long> arrivalNanos = new ArrayList<>();
    private final List<Long> ackNanos = new ArrayList<>();
    private final List<Integer> ackNumbers = new ArrayList<>();
    private final Map<Segment, Integer> copies = new HashMap<>();
    private boolean marked;
    private volatile boolean dripping;

    private RecordingReceiver(Script script, Duration hold, Duration every, List<byte[]> drip) throws IOException {
        this.script = script;
        this.hold = hold;
        this.every = every;
        this.drip = drip;
    }

    static RecordingReceiver silent() throws IOException {
        return scripted((s, copy) -> null);
    }

    static RecordingReceiver scripted(Script script) throws IOException {
        RecordingReceiver peer = new RecordingReceiver(script, Duration.ZERO, null, List.of());
        peer.listen();
        return peer;
    }

    static RecordingReceiver slow(Script script, Duration hold) throws IOException {
        RecordingReceiver peer = new RecordingReceiver(script, hold, null, List.of());
        peer.listen();
        return peer;
    }

    static RecordingReceiver dripping(Duration every, List<byte[]> datagrams) throws IOException {
        RecordingReceiver peer = new RecordingReceiver((s, copy) -> null, Duration.ZERO, every, datagrams);
        peer.listen();
        return peer;
    }

    /** Every segment the sender sent (garbage as null), in arrival order, once the sender is done; waits up to 2 s for the marker. */
    List<Segment> recorded() throws IOException {
        try (java.net.DatagramSocket marker = Loopback.socket()) {
            Loopback.send(marker, MARKER, address());
        }
        Wait.until(Duration.ofSeconds(2), this::marked, () -> "test set-up: the marker datagram never reached the recording receiver");
        return arrivals();
    }

    /** The segments recorded so far. */
    synchronized List<Segment> arrivals() {
        return new ArrayList<>(arrivals);
    }

    /** When each recorded segment arrived (System.nanoTime), in the same order. */
    synchronized List<Long> arrivalNanos() {
        return new ArrayList<>(arrivalNanos);
    }

    /** When each ACK of the script was sent (System.nanoTime), in order. */
    synchronized List<Long> ackNanos() {
        return new ArrayList<>(ackNanos);
    }

    /** The number of each ACK of the script sent, in the order of {@link #ackNanos}. */
    synchronized List<Integer> ackNumbers() {
        return new ArrayList<>(ackNumbers);
    }

    private synchronized boolean marked() {
        return marked;
    }

    @Override
    void onDatagram(byte[] data, SocketAddress from) throws IOException {
        if (Arrays.equals(data, MARKER)) {
            synchronized (this) {
                marked = true;
            }
            return;
        }
        Segment s = Segment.parse(data, 0, data.length);
        Integer ack;
        synchronized (this) {
            arrivals.add(s);
            arrivalNanos.add(System.nanoTime());
            if (s == null) {
                return;
            }
            int copy = copies.merge(s, 1, Integer::sum);
            ack = script.answer(s, copy);
        }
        if (ack != null && hold.isZero()) {
            sendAck(ack, from);
        } else if (ack != null) {
            int number = ack;
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(hold.toMillis()); // the named pause: a slow network
                    sendAck(number, from);
                } catch (IOException | InterruptedException e) {
                    // closed: the test is over
                }
            }, "recording-receiver-hold");
            thread.setDaemon(true);
            thread.start();
        }
        if (every != null && !dripping) {
            dripping = true;
            Thread thread = new Thread(() -> dripTo(from), "recording-receiver-drip");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void sendAck(int number, SocketAddress to) throws IOException {
        synchronized (this) {
            ackNanos.add(System.nanoTime());
            ackNumbers.add(number);
        }
        send(Segment.ack(number).toBytes(), to);
    }

    // the named pause: one datagram every `every`, until the peer is closed
    private void dripTo(SocketAddress to) {
        for (int i = 0; !socket.isClosed(); i++) {
            try {
                Thread.sleep(every.toMillis());
                send(drip.get(i % drip.size()), to);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** The segments as short names for messages: "0", "1", "FIN 2", "?" for a datagram that is no segment. */
    static List<String> numbers(List<Segment> segments) {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) {
            out.add(s == null ? "?" : s.type() == Segment.Type.FIN ? "FIN " + s.number() : String.valueOf(s.number()));
        }
        return out;
    }
}
