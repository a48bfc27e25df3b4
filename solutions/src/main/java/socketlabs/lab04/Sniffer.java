package socketlabs.lab04;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Task 6: a sniffer. A raw socket of protocol UDP or TCP receives a copy of every UDP or TCP
 * packet this host receives, IPv4 header first; the sniffer decodes each with the task 2 codecs
 * and keeps those the caller asks for.
 *
 * <p>Run it: {@code java -cp ... socketlabs.lab04.Sniffer udp 10} (root, see the README).
 */
public final class Sniffer {
    private static final int MAX_PACKET = 65_535;

    private final PacketChannel channel;
    private int skipped;

    /** @param channel where packets come from: a {@link RawSocket}, or a test's channel */
    public Sniffer(PacketChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * Receives packets until {@code count} of them match {@code filter} or {@code timeout} has
     * passed. Each received packet is decoded with {@link Packet#decodeIp}; one that does not
     * decode (a {@link MalformedPacketException}) is skipped and counted in {@link #skipped()},
     * never thrown.
     *
     * <pre>{@code
     * List<Packet> mine = sniffer.capture(p -> p.udp() != null && p.udp().destinationPort() == port,
     *         1, Duration.ofSeconds(2));
     * }</pre>
     *
     * @param filter which packets to keep
     * @param count how many to keep at most
     * @param timeout how long to wait in all
     * @return the matching packets in the order received: {@code count} of them, or fewer if the
     *     time ran out
     * @throws IOException if receiving fails
     */
    public List<Packet> capture(Predicate<Packet> filter, int count, Duration timeout) throws IOException {
        List<Packet> kept = new ArrayList<>();
        byte[] buffer = new byte[MAX_PACKET];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (kept.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int n = channel.receive(buffer, Duration.ofNanos(left));
            if (n < 0) {
                break;
            }
            Packet packet;
            try {
                packet = Packet.decodeIp(buffer, 0, n);
            } catch (MalformedPacketException e) {
                skipped++; // a sniffer sees whatever arrives; one bad packet must not stop it
                continue;
            }
            if (filter.test(packet)) {
                kept.add(packet);
            }
        }
        return kept;
    }

    /** How many received packets could not be decoded and were skipped. */
    public int skipped() {
        return skipped;
    }

    /**
     * Prints every packet of one protocol that this host receives, for a while, one line each as
     * {@link Packet#summary()} writes it. Arguments: udp | tcp | icmp, then seconds (default 10).
     */
    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "udp";
        int protocol = name.equals("tcp") ? RawSocket.IPPROTO_TCP : name.equals("icmp") ? RawSocket.IPPROTO_ICMP : RawSocket.IPPROTO_UDP;
        Duration time = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        try (RawSocket socket = RawSocket.open(protocol)) {
            System.out.println("listening for " + name + " packets for " + time.toSeconds() + " s");
            long deadline = System.nanoTime() + time.toNanos();
            Sniffer sniffer = new Sniffer(socket);
            while (System.nanoTime() < deadline) {
                for (Packet p : sniffer.capture(Objects::nonNull, 1, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    System.out.println(p.summary());
                }
            }
            System.out.println(sniffer.skipped() + " packets could not be decoded");
        }
    }
}
