package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Task 1: a UDP echo client. A datagram can be lost, so a client that waits for a reply must
 * give up at some point, and a reply can be bigger than the buffer, which UDP cuts silently.
 */
public final class EchoClient {
    private EchoClient() {
    }

    /**
     * Sends {@code message} as one datagram to {@code server}, then waits up to {@code timeout}
     * for the reply.
     *
     * <ul>
     *   <li>Only a datagram from {@code server} is the reply: ignore any other (a stray datagram
     *       does not extend the wait).</li>
     *   <li>{@code receive} cuts a datagram longer than the buffer and says nothing. To notice, receive
     *       into a buffer of {@code maxReply + 1} bytes: if that many arrive, the reply did not fit.</li>
     *   <li>No reply within {@code timeout}: a result, not an exception and not a hang. Set the
     *       socket's timeout ({@code setSoTimeout}) and catch {@code SocketTimeoutException}.</li>
     * </ul>
     *
     * <pre>{@code
     * exchange(socket, server, "hi".getBytes(), 100, Duration.ofSeconds(1))     // REPLIED "hi"
     * exchange(socket, server, new byte[0], 100, Duration.ofSeconds(1))         // REPLIED, 0 bytes
     * exchange(socket, server, new byte[300], 100, Duration.ofSeconds(1))       // TRUNCATED, first 100 bytes
     * exchange(socket, nobody, "hi".getBytes(), 100, Duration.ofMillis(200))    // TIMED_OUT after 200 ms
     * }</pre>
     *
     * @param socket an open socket; this method sets its timeout
     * @param server where to send
     * @param message the datagram's bytes, possibly none
     * @param maxReply the most reply bytes to accept, at least 0
     * @param timeout how long to wait for the reply in all
     * @return {@link EchoReply#replied} with the reply's bytes if it fit in {@code maxReply} bytes,
     *     {@link EchoReply#truncated} with its first {@code maxReply} bytes if it was longer,
     *     {@link EchoReply#timedOut} if no reply from {@code server} came in time
     * @throws IOException if sending or receiving fails (other than by the timeout)
     */
    public static EchoReply exchange(DatagramSocket socket, SocketAddress server, byte[] message, int maxReply, Duration timeout)
            throws IOException {
        // TODO lab03 task 1: send, then receive into maxReply + 1 bytes with a timeout; compare the length with maxReply
        throw new UnsupportedOperationException("lab03 task 1: EchoClient.exchange is not written yet");
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
