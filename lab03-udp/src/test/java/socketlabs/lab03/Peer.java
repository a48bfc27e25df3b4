package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;

/**
 * The skeleton of the test peers: a loopback socket and a daemon thread that hands each datagram,
 * whole, to {@link #onDatagram} in arrival order, until {@link #close}.
 */
abstract class Peer implements AutoCloseable {
    protected final DatagramSocket socket;

    Peer() throws IOException {
        socket = Loopback.socket();
    }

    /** Called for every datagram, on the peer's thread. */
    abstract void onDatagram(byte[] data, SocketAddress from) throws IOException;

    /** Starts reading; call once, after construction. */
    final void listen() {
        Thread thread = new Thread(this::readLoop, getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return Loopback.address(socket);
    }

    final void send(byte[] data, SocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    private void readLoop() {
        byte[] buffer = new byte[Udp.MAX_DATAGRAM + 1];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.setSoTimeout(10_000);
                socket.receive(packet);
                onDatagram(Arrays.copyOf(buffer, packet.getLength()), packet.getSocketAddress());
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
