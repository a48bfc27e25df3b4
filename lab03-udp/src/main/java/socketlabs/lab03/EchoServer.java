package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Task 1: a UDP echo server. UDP has no connections: one socket receives datagrams from anyone
 * and answers each to the address it came from, which {@code receive} fills in.
 */
public final class EchoServer {
    /** The port {@link #main} uses when none is given. */
    public static final int DEFAULT_PORT = 7007;

    private EchoServer() {
    }

    /**
     * Answers every datagram that arrives on {@code socket} with one datagram holding exactly the
     * same bytes, sent to the datagram's sender, until the socket is closed.
     *
     * <ul>
     *   <li>Each datagram is answered on its own: two datagrams in, two replies out, never merged.</li>
     *   <li>Any size up to {@link Udp#MAX_DATAGRAM} comes back whole: receive into a buffer that
     *       big.</li>
     *   <li>An empty datagram (0 bytes) is a datagram like any other: answer it with an empty one.</li>
     *   <li>{@code receive} fills at most the packet's length, and {@code setLength} or {@code setData}
     *       (say, to send the reply with the same packet) change that length for good. Receive every
     *       datagram into a packet as long as the whole buffer: a new {@code DatagramPacket}, or
     *       {@code setLength(buffer.length)} first.</li>
     * </ul>
     *
     * <pre>{@code
     * try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
     *     EchoServer.serve(socket);     // returns when another thread closes the socket
     * }
     * // $ echo hello | nc -u -w1 127.0.0.1 PORT   prints hello
     * }</pre>
     *
     * @param socket a bound socket; the caller opened it and closes it
     * @throws IOException if sending or receiving fails while the socket is open. When the socket
     *     is closed (by another thread), {@code receive} throws a {@code SocketException}: return
     *     normally then.
     */
    public static void serve(DatagramSocket socket) throws IOException {
        // TODO lab03 task 1: loop: receive into a fresh packet of Udp.MAX_DATAGRAM bytes, send its bytes back to its sender
        throw new UnsupportedOperationException("lab03 task 1: EchoServer.serve is not written yet");
    }

    /** {@code EchoServer [PORT [ADDRESS]]}: serves on ADDRESS (loopback unless named) and PORT (7007). */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        InetAddress address = args.length > 1 ? InetAddress.getByName(args[1]) : InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port))) {
            System.out.println("UDP echo server on " + socket.getLocalSocketAddress());
            serve(socket);
        }
    }
}
