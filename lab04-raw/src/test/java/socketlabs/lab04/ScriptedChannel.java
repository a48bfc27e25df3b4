package socketlabs.lab04;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A test peer that stands in for a raw socket, so that ping and the sniffer can be checked
 * without privileges and with exactly the traffic a test chooses. It records every packet sent;
 * each send may queue the packets that "arrive" in answer (a script); receive() hands them out
 * in order and then reports a timeout at once (-1), unless it is set to babble: then it never
 * runs dry and keeps handing out noise, like a busy network.
 */
final class ScriptedChannel implements PacketChannel {
    private final Deque<byte[]> inbox = new ArrayDeque<>();
    private final List<byte[]> sent = new ArrayList<>();
    private final List<Inet4Address> destinations = new ArrayList<>();
    private Function<byte[], List<byte[]>> script = request -> List.of();
    private Supplier<byte[]> babble;
    private boolean closed;

    /** What arrives after each send: a function of the packet sent. */
    ScriptedChannel answering(Function<byte[], List<byte[]>> script) {
        this.script = script;
        return this;
    }

    /** Packets waiting before anything is sent. */
    ScriptedChannel queued(byte[]... packets) {
        inbox.addAll(List.of(packets));
        return this;
    }

    /** Once the inbox is empty, hand out {@code noise} for ever instead of timing out. */
    ScriptedChannel babbling(Supplier<byte[]> noise) {
        this.babble = noise;
        return this;
    }

    synchronized List<byte[]> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Inet4Address> destinations() {
        return List.copyOf(destinations);
    }

    boolean closed() {
        return closed;
    }

    @Override
    public synchronized void send(byte[] packet, int length, Inet4Address destination) {
        byte[] copy = java.util.Arrays.copyOf(packet, length);
        sent.add(copy);
        destinations.add(destination);
        inbox.addAll(script.apply(copy));
    }

    @Override
    public synchronized int receive(byte[] buffer, Duration timeout) {
        byte[] next = inbox.poll();
        if (next == null && babble != null) {
            next = babble.get();
        }
        if (next == null) {
            return -1;
        }
        int n = Math.min(next.length, buffer.length);
        System.arraycopy(next, 0, buffer, 0, n);
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
