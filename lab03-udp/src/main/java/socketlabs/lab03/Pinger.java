package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Task 2: a UDP pinger, {@code ping} over UDP. Each ping carries its sequence number and send
 * time ({@link PingMessage}); the server sends it back. Some pings get no reply, and a reply can
 * come after its ping has been given up, while the pinger waits for a later one.
 */
public final class Pinger {
    private Pinger() {
    }

    /**
     * Sends {@code count} pings to {@code server}, one after the other, and reports each one.
     *
     * <ol>
     *   <li>Ping number {@code seq} (1, 2, ... {@code count}) is one datagram,
     *       {@code new PingMessage(seq, System.nanoTime()).toBytes()}.</li>
     *   <li>After sending it, wait up to {@code timeout} (counted from the send) for <em>its</em>
     *       reply: a datagram from {@code server}'s address that {@link PingMessage#parse} reads
     *       with the same {@code seq}. Anything else that arrives meanwhile (a late reply to an
     *       earlier ping, a second copy of a reply, a datagram that is no ping, a datagram from
     *       another address) is skipped and does not extend the wait.</li>
     *   <li>Its result is {@link PingResult#replied} with the time from send to reply, or
     *       {@link PingResult#timedOut}. Then the next ping.</li>
     * </ol>
     *
     * <pre>{@code
     * List<PingResult> results = Pinger.ping(socket, server, 4, Duration.ofMillis(500));
     * // [seq=1 time=0.081 ms, seq=2 timed out, seq=3 time=0.064 ms, seq=4 time=0.059 ms]
     * }</pre>
     *
     * @param socket an open socket; this method sets its timeout
     * @param server where to send the pings
     * @param count how many pings, at least 0
     * @param timeout how long each ping waits for its reply
     * @return one result per ping, in sequence order
     * @throws IOException if sending or receiving fails (other than by the timeout)
     */
    public static List<PingResult> ping(DatagramSocket socket, SocketAddress server, int count, Duration timeout) throws IOException {
        // TODO lab03 task 2: per ping: send, then receive until the reply with this seq arrives or its deadline passes
        throw new UnsupportedOperationException("lab03 task 2: Pinger.ping is not written yet");
    }

    /**
     * The statistics {@code ping} prints at the end.
     *
     * <ul>
     *   <li>{@code sent} = number of results, {@code received} = those {@link PingResult#received()},
     *       {@code lossPercent} = {@code 100.0 * (sent - received) / sent} (0 if nothing was sent).</li>
     *   <li>min, avg, max and mdev are in milliseconds ({@link PingResult#rttMillis()}) over the
     *       received pings only; mdev is {@code sqrt(mean(rtt^2) - mean(rtt)^2)}, the standard
     *       deviation dividing by n, not n - 1. All four are 0 if nothing was received.</li>
     * </ul>
     *
     * <pre>{@code
     * summarize(List.of(replied(1, 1_000_000), replied(2, 3_000_000), timedOut(3), timedOut(4)))
     * // sent 4, received 2, loss 50.0, min 1.0, avg 2.0, max 3.0, mdev 1.0
     * }</pre>
     *
     * @param results what {@link #ping} returned
     * @return the summary
     */
    public static PingSummary summarize(List<PingResult> results) {
        // TODO lab03 task 2: count, then min/avg/max/mdev over the received ones only
        throw new UnsupportedOperationException("lab03 task 2: Pinger.summarize is not written yet");
    }

    /** {@code Pinger HOST PORT [COUNT [TIMEOUT_MS]]}: pings like {@code ping -c COUNT}, 10 pings and 1000 ms unless given. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Pinger HOST PORT [COUNT [TIMEOUT_MS]]");
            return;
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Duration timeout = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 1000);
        try (DatagramSocket socket = new DatagramSocket()) {
            String name = server.getHostString() + ":" + server.getPort();
            System.out.println("PING " + name + " over UDP, " + count + " pings, timeout " + timeout.toMillis() + " ms");
            List<PingResult> results = ping(socket, server, count, timeout);
            results.forEach(System.out::println);
            System.out.println("--- " + name + " ping statistics ---");
            System.out.println(summarize(results));
        }
    }
}
