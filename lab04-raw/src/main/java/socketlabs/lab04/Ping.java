package socketlabs.lab04;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Task 5: ping over a raw socket. Sends ICMP echo requests and matches the echo replies to them.
 * A raw ICMP socket receives every ICMP packet the host receives, so most of what arrives is not
 * ours: on loopback, the first thing back is our own request; other ping processes' replies
 * arrive too. Ours is an echo reply, from the target, with our identifier and the sequence
 * number we sent, and a checksum that verifies.
 *
 * <p>Run it: {@code java -cp ... socketlabs.lab04.Ping 127.0.0.1 4} (root, see the README).
 */
public final class Ping {
    /** The payload's length, as the system's ping: 56 bytes, so 64 bytes of ICMP and 84 of IPv4. */
    public static final int PAYLOAD_LENGTH = 56;
    private static final int MAX_PACKET = 65_535;

    private final PacketChannel channel;
    private final int identifier;

    /**
     * @param channel where to send and receive: a {@link RawSocket} of protocol ICMP, or a test's channel
     * @param identifier the identifier of every request, 0-65535 (the system's ping uses its process id)
     */
    public Ping(PacketChannel channel, int identifier) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.identifier = identifier & 0xFFFF;
    }

    /**
     * Sends one echo request and waits for its reply. The request has type 8, code 0, this
     * pinger's identifier, {@code sequence}, a {@link #PAYLOAD_LENGTH}-byte payload whose byte i
     * is i, and a correct checksum. Everything received that is not the reply is skipped: packets
     * that do not parse, other protocols, echo requests (our own included), replies with
     * another identifier or sequence number or from another address, replies whose checksum
     * fails.
     *
     * <pre>{@code
     * Optional<PingReply> r = new Ping(socket, 4242).echo(Addresses.LOOPBACK, 1, Duration.ofSeconds(1));
     * r.get().line()   // "64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms"
     * }</pre>
     *
     * @param target where to send the request
     * @param sequence the sequence number, 0-65535
     * @param timeout how long to wait for the reply in all, not per packet received
     * @return the reply, or empty if none came within {@code timeout}
     * @throws IOException if sending or receiving fails
     */
    public Optional<PingReply> echo(Inet4Address target, int sequence, Duration timeout) throws IOException {
        // TODO lab04 task 5: send IcmpEcho.request(...).toBytes(), then receive until the deadline and keep only our echo reply
        throw new UnsupportedOperationException("lab04 task 5: Ping.echo is not written yet");
    }


    /**
     * The IPv4 address of a host name or a dotted address, as the system's ping finds it:
     * {@code resolve("localhost")} is 127.0.0.1.
     *
     * @throws UnknownHostException if the name has no IPv4 address
     */
    static Inet4Address resolve(String host) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (a instanceof Inet4Address v4) {
                return v4;
            }
        }
        throw new UnknownHostException(host + " has no IPv4 address");
    }

    /**
     * Pings like the system's {@code ping -c COUNT}: one request a second, a line per reply, then
     * the statistics. Arguments: [host name or address (default 127.0.0.1)] [count (default 4)].
     * Needs root. Exits as the system's ping does: 0 if a reply came, 1 if every request went
     * unanswered, 2 for an error (a name that does not resolve, a bad count, no raw socket),
     * which it reports in one line, not a stack trace.
     */
    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        Inet4Address target;
        int count;
        try {
            target = resolve(host);
            count = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        } catch (UnknownHostException e) {
            System.err.println("ping: " + host + ": name not known (" + e.getMessage() + ")");
            System.exit(2);
            return;
        } catch (NumberFormatException e) {
            System.err.println("ping: bad count: " + e.getMessage() + "; usage: Ping [HOST] [COUNT]");
            System.exit(2);
            return;
        }
        String address = target.getHostAddress();
        List<Duration> rtts = new ArrayList<>();
        try (RawSocket socket = RawSocket.open(RawSocket.IPPROTO_ICMP)) {
            Ping ping = new Ping(socket, (int) ProcessHandle.current().pid());
            System.out.printf("PING %s (%s) %d(%d) bytes of data.%n", host, address, PAYLOAD_LENGTH,
                    PAYLOAD_LENGTH + IcmpEcho.HEADER_LENGTH + Ipv4Header.MIN_LENGTH);
            long start = System.nanoTime();
            for (int seq = 1; seq <= count; seq++) {
                long sentAt = System.nanoTime();
                Optional<PingReply> reply = ping.echo(target, seq, Duration.ofSeconds(1));
                if (reply.isPresent()) {
                    System.out.println(reply.get().line());
                    rtts.add(reply.get().rtt());
                } else {
                    System.out.println("no reply from " + address + ": icmp_seq=" + seq);
                }
                long wait = sentAt + 1_000_000_000L - System.nanoTime(); // one request a second, as ping does
                if (seq < count && wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%n--- %s ping statistics ---%n", host);
            System.out.printf("%d packets transmitted, %d received, %d%% packet loss, time %dms%n",
                    count, rtts.size(), (count - rtts.size()) * 100 / Math.max(1, count), elapsed);
            if (!rtts.isEmpty()) {
                double min = Double.MAX_VALUE;
                double max = 0;
                double sum = 0;
                double squares = 0;
                for (Duration rtt : rtts) {
                    double m = rtt.toNanos() / 1e6;
                    min = Math.min(min, m);
                    max = Math.max(max, m);
                    sum += m;
                    squares += m * m;
                }
                double avg = sum / rtts.size();
                double mdev = Math.sqrt(Math.max(0, squares / rtts.size() - avg * avg));
                System.out.printf(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms%n", min, avg, max, mdev);
            }
        } catch (IOException e) {
            System.err.println("ping: " + address + ": " + e.getMessage() + " (a raw socket needs root or CAP_NET_RAW:"
                    + " see the README)");
            System.exit(2);
            return;
        }
        System.exit(rtts.isEmpty() ? 1 : 0);
    }
}
