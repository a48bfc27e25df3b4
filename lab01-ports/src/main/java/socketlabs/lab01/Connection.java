package socketlabs.lab01;

import java.net.Socket;

/**
 * Task 3: a TCP connection, named by its two endpoints. Many clients can connect to one server
 * port at the same time: the server's endpoint is the same in every connection, and what tells
 * the connections apart is the other end, each client's own address and (ephemeral) port.
 * (local address, local port, remote address, remote port) is the connection's 4-tuple.
 *
 * @param local  this side's endpoint
 * @param remote the peer's endpoint
 */
public record Connection(Endpoint local, Endpoint remote) {

    /**
     * Describes a connected socket by its 4-tuple, from this side's point of view. Hosts are
     * numeric addresses as {@link java.net.InetAddress#getHostAddress()} writes them
     * ("127.0.0.1", "0:0:0:0:0:0:0:1"), never names: a reverse DNS lookup would be slow and would
     * say "localhost" instead of the address that is really in use.
     *
     * <pre>{@code
     * // a client connected to a server on 127.0.0.1:8080
     * Connection.of(client)    // local 127.0.0.1:51234, remote 127.0.0.1:8080
     * Connection.of(accepted)  // local 127.0.0.1:8080,  remote 127.0.0.1:51234
     * }</pre>
     *
     * @param socket a connected socket (a client's, or one that {@code accept()} returned)
     * @return its local and remote endpoints
     * @throws IllegalArgumentException if the socket is not connected (the message says so)
     */
    public static Connection of(Socket socket) {
        // TODO lab01 task 3: getLocalAddress/getLocalPort for this side, getInetAddress/getPort for the peer
        throw new UnsupportedOperationException("lab01 task 3: Connection.of is not written yet");
    }
}
