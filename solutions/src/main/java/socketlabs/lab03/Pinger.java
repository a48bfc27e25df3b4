package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Task 2: a UDP pinger. See the starter's Javadoc for the spec. */
public final class Pinger {
    private Pinger() {
    }

    /** Sends {@code count} pings one after the other, each waiting up to {@code timeout} for its own reply. */
    public static List<PingResult> ping(DatagramSocket socket, SocketAddress server, int count, Duration timeout) throws IOException {
        List<PingResult> results = new ArrayList<>();
        byte[] buffer = new byte[Udp.MAX_DATAGRAM];
        for (int seq = 1; seq <= count; seq++) {
            long sent = System.nanoTime();
            byte[] ping = new PingMessage(seq, sent).toBytes();
            socket.send(new DatagramPacket(ping, ping.length, server));
            results.add(awaitReply(socket, server, buffer, seq, sent, sent + timeout.toNanos()));
        }
        return results;
    }

    // waits for the server's reply to this seq; replies to earlier pings are late, duplicates or strays: skip them
    private static PingResult awaitReply(DatagramSocket socket, SocketAddress server, byte[] buffer, int seq, long sent, long deadline)
            throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return PingResult.timedOut(seq);
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return PingResult.timedOut(seq);
            }
            long arrived = System.nanoTime();
            if (!packet.getSocketAddress().equals(server)) {
                continue; // not from the server: not a reply
            }
            PingMessage reply = PingMessage.parse(packet.getData(), packet.getOffset(), packet.getLength());
            if (reply != null && reply.seq() == seq) {
                return PingResult.replied(seq, arrived - sent);
            }
        }
    }

    /** The statistics {@code ping} prints, over the received pings' round-trip times. */
    public static PingSummary summarize(List<PingResult> results) {
        int sent = results.size();
        int received = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (PingResult r : results) {
            if (!r.received()) {
                continue;
            }
            double ms = r.rttMillis();
            received++;
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            sum += ms;
            sumOfSquares += ms * ms;
        }
        double loss = sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        if (received == 0) {
            return new PingSummary(sent, 0, loss, 0, 0, 0, 0);
        }
        double avg = sum / received;
        // ping's mdev: the population standard deviation (divide by n, not n - 1)
        double mdev = Math.sqrt(Math.max(0, sumOfSquares / received - avg * avg));
        return new PingSummary(sent, received, loss, min, avg, max, mdev);
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
