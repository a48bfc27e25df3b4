package socketlabs.benchmarks;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import socketlabs.lab03.GoBackNSender;
import socketlabs.lab03.ImpairedChannel;
import socketlabs.lab03.Impairments;
import socketlabs.lab03.ReliableReceiver;
import socketlabs.lab03.StopAndWaitSender;
import socketlabs.lab03.TransferConfig;

/**
 * Lab 3: goodput of stop-and-wait and of Go-Back-N through the same impaired channel (a fixed
 * one-way delay, then rising loss), and the ratio between them. Goodput = the bytes delivered
 * intact divided by the time from the first send until the sender has the ACK of its FIN.
 * Every channel uses the same seed, so each row meets the same sequence of fates.
 */
public final class Lab03GoodputBenchmark {
    private static final int BYTES = 100_000;
    private static final Duration ONE_WAY_DELAY = Duration.ofMillis(5);
    private static final double[] LOSSES = {0.0, 0.05, 0.10};
    private static final int WINDOW = 16;
    private static final TransferConfig CONFIG = new TransferConfig(1000, Duration.ofMillis(40), 50);
    private static final long SEED = 1;

    private interface Sender {
        void send(DatagramSocket socket, InetSocketAddress to, byte[] data) throws IOException;
    }

    private Lab03GoodputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] data = new byte[BYTES];
        new Random(SEED).nextBytes(data);
        System.out.printf(Locale.ROOT, "Lab 3 goodput: %,d bytes, %d-byte segments, timer %d ms, one-way delay %d ms (RTT %d ms),"
                + " window %d, seed %d%n", BYTES, CONFIG.segmentSize(), CONFIG.timeout().toMillis(), ONE_WAY_DELAY.toMillis(),
                2 * ONE_WAY_DELAY.toMillis(), WINDOW, SEED);
        System.out.printf(Locale.ROOT, "%-6s %22s %22s %8s%n", "loss", "stop-and-wait", "Go-Back-N", "ratio");
        for (double loss : LOSSES) {
            Impairments impairments = Impairments.of(loss, 0, 0).withDelay(ONE_WAY_DELAY);
            double stopAndWait = goodput(impairments, data, (s, to, d) -> StopAndWaitSender.send(s, to, d, CONFIG));
            double goBackN = goodput(impairments, data, (s, to, d) -> GoBackNSender.send(s, to, d, WINDOW, CONFIG));
            System.out.printf(Locale.ROOT, "%-6s %16.1f kB/s %16.1f kB/s %7.1fx%n", Math.round(loss * 100) + "%", stopAndWait, goBackN,
                    goBackN / stopAndWait);
        }
    }

    /** Runs one transfer through a fresh channel; returns the goodput in kB/s (1 kB = 1000 bytes). */
    private static double goodput(Impairments impairments, byte[] data, Sender sender) throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (DatagramSocket receiverSocket = new DatagramSocket(loopback); DatagramSocket senderSocket = new DatagramSocket(loopback);
                ImpairedChannel channel = ImpairedChannel.start((InetSocketAddress) receiverSocket.getLocalSocketAddress(), impairments, SEED)) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return ReliableReceiver.receive(receiverSocket, CONFIG);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            sender.send(senderSocket, channel.address(), data);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!Arrays.equals(data, received.get(30, TimeUnit.SECONDS))) {
                throw new IllegalStateException("the bytes received differ from the bytes sent");
            }
            return data.length / 1000.0 / seconds;
        }
    }
}
