package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Task 3 (provided, ready-made): a UDP relay that behaves like a bad network. It listens on one
 * port; every datagram from the <em>target</em> goes back to the client (whoever last sent from
 * elsewhere), every other datagram goes on to the target. On the way it drops, duplicates,
 * reorders and delays datagrams by the {@link Impairments} and a seed.
 *
 * <pre>{@code
 * try (ImpairedChannel channel = ImpairedChannel.start(receiverAddress, Impairments.of(0.3, 0.1, 0.1), 42)) {
 *     StopAndWaitSender.send(socket, channel.address(), data, config);   // the channel stands between
 * }
 * }</pre>
 *
 * <p><b>What is reproducible.</b> Each direction has a {@link Random} of its own, made from the
 * seed, and consults it exactly three times per datagram (loss, duplicate, reorder), in the order
 * the datagrams arrive, whether or not the earlier draws dropped it. So the fate of the n-th
 * datagram in a direction depends only on the seed, the rates and n: the same datagrams in the
 * same order meet the same fate on every run.
 *
 * <p><b>What is not.</b> Which datagram is the n-th can depend on timing: a sender whose timer
 * fires before an ACK arrives sends one more datagram, and everything after it shifts by one.
 * Delays are real time (a scheduler sends each datagram when its delay is up), so the exact
 * interleaving of a held-back datagram with the others depends on the clock too. A protocol that
 * is correct delivers the same bytes whatever the interleaving; tests that must be exact use
 * scripted peers, or seeds whose first decisions are known.
 */
public final class ImpairedChannel implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Impairments impairments;
    private final Consumer<String> log;
    private final ScheduledExecutorService scheduler;
    private final Thread relay;
    private final Direction toTarget;
    private final Direction fromTarget;
    private volatile SocketAddress client;

    private ImpairedChannel(DatagramSocket socket, InetSocketAddress target, Impairments impairments, long seed, Consumer<String> log) {
        this.socket = socket;
        this.target = target;
        this.impairments = impairments;
        this.log = log;
        this.toTarget = new Direction("->", new Random(seed));
        // a different stream for the way back, so the two directions do not depend on each other
        this.fromTarget = new Direction("<-", new Random(~seed));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "impaired-channel-sender"));
        this.relay = daemon(this::relayLoop, "impaired-channel-relay");
    }

    /** Starts a channel on a free loopback port, relaying to {@code target}. */
    public static ImpairedChannel start(InetSocketAddress target, Impairments impairments, long seed) throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), target, impairments, seed, line -> { });
    }

    /**
     * Starts a channel bound to {@code bind}, relaying to {@code target}, telling {@code log} the
     * fate of every datagram (for example {@code "-> #3 505 bytes [DATA 2]: dropped"}; the part in
     * brackets names a datagram that is a task 4 {@link Segment}).
     */
    public static ImpairedChannel start(InetSocketAddress bind, InetSocketAddress target, Impairments impairments, long seed,
            Consumer<String> log) throws IOException {
        DatagramSocket socket = new DatagramSocket(bind);
        ImpairedChannel channel = new ImpairedChannel(socket, target, impairments, seed, log);
        channel.relay.start();
        return channel;
    }

    /** Where to send datagrams meant for the target. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The counters of the direction client to target. */
    public Direction toTarget() {
        return toTarget;
    }

    /** The counters of the direction target to client. */
    public Direction fromTarget() {
        return fromTarget;
    }

    /** Stops relaying; datagrams still held back are not delivered. */
    @Override
    public void close() {
        socket.close();
        scheduler.shutdownNow();
    }

    private void relayLoop() {
        byte[] buffer = new byte[Udp.MAX_DATAGRAM + 1];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            byte[] payload = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
            boolean fromTheTarget = packet.getSocketAddress().equals(target);
            if (!fromTheTarget) {
                client = packet.getSocketAddress();
            }
            SocketAddress destination = fromTheTarget ? client : target;
            (fromTheTarget ? fromTarget : toTarget).pass(payload, destination);
        }
    }

    private void send(byte[] payload, SocketAddress to) {
        try {
            socket.send(new DatagramPacket(payload, payload.length, to));
        } catch (IOException | RuntimeException e) {
            // closed meanwhile, or the destination is unreachable: a lost datagram, like on a real network
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One direction: its random stream and what it has done so far. */
    public final class Direction {
        private final String name;
        private final Random random;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong duplicated = new AtomicLong();
        private final AtomicLong reordered = new AtomicLong();

        Direction(String name, Random random) {
            this.name = name;
            this.random = random;
        }

        /** Datagrams that arrived at the channel in this direction. */
        public long received() {
            return received.get();
        }

        /** Datagrams dropped. */
        public long dropped() {
            return dropped.get();
        }

        /** Datagrams delivered twice. */
        public long duplicated() {
            return duplicated.get();
        }

        /** Datagrams held back so that later ones overtook them. */
        public long reordered() {
            return reordered.get();
        }

        // called by the relay thread only, in arrival order: that order is what the seed is applied to
        void pass(byte[] payload, SocketAddress destination) {
            long n = received.getAndIncrement();
            boolean drop = random.nextDouble() < impairments.loss();
            boolean twice = random.nextDouble() < impairments.duplicate();
            boolean late = random.nextDouble() < impairments.reorder();
            Segment segment = Segment.parse(payload, 0, payload.length);
            String what = payload.length + " bytes" + (segment == null ? "" : " [" + segment.type() + " " + segment.number() + "]");
            if (drop || destination == null) {
                dropped.incrementAndGet();
                log.accept(name + " #" + n + " " + what + ": dropped");
                return;
            }
            long delayNanos = impairments.delay().toNanos() + (late ? impairments.reorderDelay().toNanos() : 0);
            int copies = twice ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                scheduler.schedule(() -> send(payload, destination), delayNanos, TimeUnit.NANOSECONDS);
            }
            if (twice) {
                duplicated.incrementAndGet();
            }
            if (late) {
                reordered.incrementAndGet();
            }
            log.accept(name + " #" + n + " " + what + ": " + (twice ? "duplicated" : "delivered")
                    + (late ? ", held back " + impairments.reorderDelay().toMillis() + " ms" : ""));
        }

        @Override
        public String toString() {
            return received() + " received, " + dropped() + " dropped, " + duplicated() + " duplicated, " + reordered() + " reordered";
        }
    }

    /**
     * Runs a channel from the command line, printing each datagram's fate:
     * {@code ImpairedChannel LISTEN_PORT TARGET_HOST TARGET_PORT [LOSS DUPLICATE REORDER DELAY_MS SEED]},
     * for example {@code ImpairedChannel 9000 127.0.0.1 7007 0.3 0.1 0.1 0 42}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ImpairedChannel LISTEN_PORT TARGET_HOST TARGET_PORT [LOSS DUPLICATE REORDER DELAY_MS SEED]");
            System.exit(2);
        }
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        InetSocketAddress target = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        double loss = args.length > 3 ? Double.parseDouble(args[3]) : 0.3;
        double duplicate = args.length > 4 ? Double.parseDouble(args[4]) : 0.1;
        double reorder = args.length > 5 ? Double.parseDouble(args[5]) : 0.1;
        long delayMs = args.length > 6 ? Long.parseLong(args[6]) : 0;
        long seed = args.length > 7 ? Long.parseLong(args[7]) : 42;
        Impairments impairments = Impairments.of(loss, duplicate, reorder).withDelay(Duration.ofMillis(delayMs));
        try (ImpairedChannel channel = start(bind, target, impairments, seed, System.out::println)) {
            System.out.println("impaired channel " + channel.address() + " -> " + target + ": " + impairments + ", seed " + seed);
            channel.relay.join();
        }
    }
}
