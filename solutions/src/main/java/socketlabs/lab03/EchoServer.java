package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Task 1: a UDP echo server. See the starter's Javadoc for the spec. */
public final class EchoServer {
    /** The port {@link #main} uses when none is given. */
    public static final int DEFAULT_PORT = 7007;

    private EchoServer() {
    }

    /** Answers every datagram with the same bytes, to its sender, until the socket is closed. */
    public static void serve(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[Udp.MAX_DATAGRAM];
        while (true) {
            // a fresh packet, as long as the buffer, for every receive: receive() fills at most a packet's length
            DatagramPacket request = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(request);
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
                throw e;
            }
            socket.send(new DatagramPacket(request.getData(), request.getOffset(), request.getLength(), request.getSocketAddress()));
        }
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
