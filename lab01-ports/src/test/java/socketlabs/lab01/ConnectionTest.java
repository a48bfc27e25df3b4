package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

/** Real sockets on 127.0.0.1: a server on an ephemeral port and two clients. */
@DisplayName("Task 3 · Endpoints")
class ConnectionTest {
    static final int TIMEOUT_MS = 2000;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    @Points(3)
    @DisplayName("two clients of one server port: the connections differ only by the clients' own ports")
    void twoClientsOneServerPort() throws IOException {
        try (ServerSocket server = listener();
             Socket client1 = connect(server);
             Socket accepted1 = accept(server);
             Socket client2 = connect(server);
             Socket accepted2 = accept(server)) {
            Endpoint serverEnd = new Endpoint("127.0.0.1", server.getLocalPort());
            Connection c1 = Connection.of(client1);
            Connection c2 = Connection.of(client2);

            assertEquals(serverEnd, c1.remote(), () -> "client 1 connected to " + serverEnd.host() + ":" + serverEnd.port()
                    + "; Connection.of(client1).remote() should be that, got " + c1.remote()
                    + ". remote = getInetAddress()/getPort(); hosts are numeric (getHostAddress()), never \"localhost\".");
            assertEquals(serverEnd, c2.remote(), "client 2's remote endpoint is the same server endpoint");
            assertEquals("127.0.0.1", c1.local().host(), () -> "client 1's local host: expected 127.0.0.1, got " + c1.local());
            assertEquals(client1.getLocalPort(), c1.local().port(), "client 1's local port is its ephemeral port (getLocalPort())");
            assertNotEquals(c1.local(), c2.local(), () -> "two clients of one server port must differ by their local endpoints,"
                    + " got " + c1 + " and " + c2);
            assertNotEquals(c1, c2, "the two connections' 4-tuples must differ");

            Connection s1 = Connection.of(accepted1);
            Connection s2 = Connection.of(accepted2);
            assertEquals(new Connection(serverEnd, c1.local()), s1, () -> "the server side of connection 1 is the mirror of the"
                    + " client side: local = the server's port (an accepted socket keeps the listening port), remote = client 1;"
                    + " got " + s1);
            assertEquals(new Connection(serverEnd, c2.local()), s2, "the server side of connection 2 mirrors client 2");
        }
    }

    @Test
    @Points(1)
    @DisplayName("refuses to describe a socket that is not connected")
    void notConnected() throws IOException {
        try (Socket unconnected = new Socket()) {
            unconnected.setSoTimeout(TIMEOUT_MS);
            unconnected.bind(new InetSocketAddress(LOOPBACK, 0));
            assertThrows(IllegalArgumentException.class, () -> Connection.of(unconnected),
                    "Connection.of(a socket bound but not connected) must throw IllegalArgumentException: it has no remote endpoint");
        }
    }

    @Test
    @DisplayName("a socket can connect to itself: one endpoint at both ends (why a scanner checks for it)")
    void selfConnection() throws IOException {
        int port = Loopback.freeTcpPort();
        try (Socket self = new Socket()) {
            self.setSoTimeout(TIMEOUT_MS);
            self.bind(new InetSocketAddress(LOOPBACK, port));
            try {
                self.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT_MS); // TCP's simultaneous open, with itself
            } catch (IOException e) {
                assumeTrue(false, "this OS does not let a socket connect to itself: " + e);
            }
            Connection c = Connection.of(self);
            assertEquals(c.local(), c.remote(), () -> "a socket bound to 127.0.0.1:" + port + " and connected to that same"
                    + " endpoint, with nothing listening: both ends are one endpoint, got " + c);
        }
    }

    static ServerSocket listener() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        server.setSoTimeout(TIMEOUT_MS);
        return server;
    }

    static Socket connect(ServerSocket server) throws IOException {
        Socket s = new Socket();
        s.setSoTimeout(TIMEOUT_MS);
        s.connect(server.getLocalSocketAddress(), TIMEOUT_MS);
        return s;
    }

    static Socket accept(ServerSocket server) throws IOException {
        server.setSoTimeout(TIMEOUT_MS);
        Socket s = server.accept();
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }
}
