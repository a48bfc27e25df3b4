package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Random;

/** Task 2: an echo server that drops a seeded share of what it gets. See the starter's Javadoc for the spec. */
public final class PingServer {
    /** The port {@link #main} uses when none is given. */
    public static final int DEFAULT_PORT = 7008;

    private PingServer() {
    }

    /** Echoes each datagram to its sender, except those whose draw from {@code new Random(seed)} is below {@code dropRate}. */
    public static void serve(DatagramSocket socket, double dropRate, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buffer = new byte[Udp.MAX_DATAGRAM];
        while (true) {
            DatagramPacket ping = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(ping);
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
                throw e;
            }
            // exactly one draw per datagram, so the n-th datagram's fate depends on the seed alone
            if (random.nextDouble() < dropRate) {
                continue;
            }
            socket.send(new DatagramPacket(ping.getData(), ping.getOffset(), ping.getLength(), ping.getSocketAddress()));
        }
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
