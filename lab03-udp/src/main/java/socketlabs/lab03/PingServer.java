package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Task 2: the server side of the pinger, an echo server that loses a share of the datagrams on
 * purpose, the same share on every run.
 */
public final class PingServer {
    /** The port {@link #main} uses when none is given. */
    public static final int DEFAULT_PORT = 7008;

    private PingServer() {
    }

    /**
     * Echoes each datagram to its sender, as {@link EchoServer#serve} does, but drops a seeded
     * share of them, until the socket is closed.
     *
     * <p>Make one {@code new java.util.Random(seed)} and draw exactly one {@code nextDouble()} for
     * each datagram received, in the order they arrive: drop the datagram (send nothing) if the
     * draw is less than {@code dropRate}, echo it otherwise. Then the n-th datagram's fate depends
     * on the seed alone, and a test can tell which ones you must drop.
     *
     * <pre>{@code
     * PingServer.serve(socket, 0.0, 1);   // an echo server
     * PingServer.serve(socket, 1.0, 1);   // answers nothing
     * PingServer.serve(socket, 0.3, 42);  // drops about 30%, the same ones on every run
     * }</pre>
     *
     * @param socket a bound socket; the caller opened it and closes it
     * @param dropRate the share to drop, 0 to 1
     * @param seed the seed of the random draws
     * @throws IOException if sending or receiving fails while the socket is open; return normally
     *     once the socket is closed
     */
    public static void serve(DatagramSocket socket, double dropRate, long seed) throws IOException {
        // TODO lab03 task 2: the echo loop of task 1, with one random.nextDouble() per datagram deciding its fate
        throw new UnsupportedOperationException("lab03 task 2: PingServer.serve is not written yet");
    }

    /** {@code PingServer [PORT [DROP_RATE [SEED]]]}: serves on loopback, port 7008, dropping 30% with seed 42 by default. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        double dropRate = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            System.out.println("UDP ping server on " + socket.getLocalSocketAddress() + ", dropping " + dropRate * 100 + "% (seed " + seed + ")");
            serve(socket, dropRate, seed);
        }
    }
}
