package socketlabs.lab01;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Task 4: binding TCP and UDP ports; see the starter's Javadoc for the spec. */
public final class Binder {
    private Binder() {
    }

    /** Binds and listens on a TCP port; the socket stays open in the result. */
    public static BindResult bindTcp(InetAddress address, int port) {
        InetSocketAddress requested = new InetSocketAddress(address, port);
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.bind(requested);
            // ask the socket: with port 0 only it knows which port the OS picked
            return BindResult.bound("tcp", requested, (InetSocketAddress) server.getLocalSocketAddress(), server);
        } catch (IOException e) {
            closeQuietly(server);
            return failure("tcp", requested, e);
        }
    }

    /** Binds a UDP port; the socket stays open in the result. */
    public static BindResult bindUdp(InetAddress address, int port) {
        InetSocketAddress requested = new InetSocketAddress(address, port);
        try {
            DatagramSocket socket = new DatagramSocket(requested); // binds as it is made: nothing to close on failure
            return BindResult.bound("udp", requested, (InetSocketAddress) socket.getLocalSocketAddress(), socket);
        } catch (IOException e) {
            return failure("udp", requested, e);
        }
    }

    /** In use, or another failure: Java throws BindException for both, only the OS's words differ. */
    private static BindResult failure(String protocol, InetSocketAddress requested, IOException e) {
        boolean inUse = e instanceof BindException && String.valueOf(e.getMessage()).contains("already in use");
        return inUse ? BindResult.inUse(protocol, requested) : BindResult.failed(protocol, requested, e);
    }

    private static void closeQuietly(ServerSocket server) {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing a socket that never bound cannot fail in a way worth reporting
        }
    }
}
