package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** Task 1: a UDP echo client. See the starter's Javadoc for the spec. */
public final class EchoClient {
    private EchoClient() {
    }

    /** Sends {@code message} as one datagram to {@code server} and waits up to {@code timeout} for its reply. */
    public static EchoReply exchange(DatagramSocket socket, SocketAddress server, byte[] message, int maxReply, Duration timeout)
            throws IOException {
        socket.send(new DatagramPacket(message, message.length, server));
        long deadline = System.nanoTime() + timeout.toNanos();
        // one byte more than allowed: if it gets filled, the reply did not fit
        byte[] buffer = new byte[maxReply + 1];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return EchoReply.timedOut();
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return EchoReply.timedOut();
            }
            if (!reply.getSocketAddress().equals(server)) {
                continue; // not from the server: someone else's datagram
            }
            if (reply.getLength() > maxReply) {
                return EchoReply.truncated(Arrays.copyOf(buffer, maxReply));
            }
            return EchoReply.replied(Arrays.copyOf(buffer, reply.getLength()));
        }
    }

    /** {@code EchoClient HOST PORT MESSAGE...}: sends the words as one datagram and prints the reply. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: EchoClient HOST PORT MESSAGE...");
            return;
        }
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        byte[] message = String.join(" ", Arrays.copyOfRange(args, 2, args.length)).getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            System.out.println(exchange(socket, server, message, Udp.MAX_DATAGRAM, Duration.ofSeconds(1)));
        }
    }
}
