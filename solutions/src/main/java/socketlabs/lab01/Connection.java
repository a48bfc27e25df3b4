package socketlabs.lab01;

import java.net.Socket;

/** Task 3: a TCP connection, named by its two endpoints; see the starter's Javadoc for the spec. */
public record Connection(Endpoint local, Endpoint remote) {

    /** The socket's 4-tuple: (local address, local port, remote address, remote port). */
    public static Connection of(Socket socket) {
        if (!socket.isConnected()) {
            throw new IllegalArgumentException("socket is not connected: it has no remote endpoint yet");
        }
        // getHostAddress, not getHostName: the address in use, with no reverse DNS lookup
        Endpoint local = new Endpoint(socket.getLocalAddress().getHostAddress(), socket.getLocalPort());
        Endpoint remote = new Endpoint(socket.getInetAddress().getHostAddress(), socket.getPort());
        return new Connection(local, remote);
    }
}
