package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

/** The servers' last rule: serve until the socket is closed, then return normally, not with an exception. */
@DisplayName("Tasks 1, 2 · Servers end cleanly when their socket is closed")
class ServerLifecycleTest {

    private static void assertReturnsOnClose(String name, RunningServer.Serve serve) throws Exception {
        byte[] hello = "still there?".getBytes(StandardCharsets.US_ASCII);
        DatagramSocket socket = Loopback.socket();
        socket.setSoTimeout(0); // a server's socket waits as long as it takes: only the close ends the wait
        Async<Void> serving = Async.start(name, () -> {
            serve.serve(socket);
            return null;
        });
        try (DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, hello, Loopback.address(socket));
            byte[] reply = Loopback.receive(client, Loopback.READ_TIMEOUT_MS);
            assertArrayEquals(hello, reply, () -> "sent " + Loopback.hex(hello) + " to " + name + "; expected it back, got "
                    + Loopback.hex(reply) + "; " + serving.describe());
        } finally {
            socket.close();
        }
        assertTrue(serving.await(Duration.ofSeconds(3)), () -> "closed the socket " + name + " was serving on; after 3 s it was"
                + " still running. A closed socket makes receive() throw a SocketException: end the loop then.");
        assertTrue(serving.returned(), () -> "closed the socket " + name + " was serving on, as its caller does to stop it;"
                + " expected it to return normally, but " + serving.describe() + ". The SocketException that receive() throws"
                + " once the socket is closed is the signal to stop, not an error: catch it and return if"
                + " socket.isClosed(), rethrow it otherwise.");
    }

    @Test
    @Points(1)
    @DisplayName("echo server: returns normally when another thread closes its socket")
    void echoServerReturnsOnClose() throws Exception {
        assertReturnsOnClose("EchoServer.serve", EchoServer::serve);
    }

    @Test
    @Points(1)
    @DisplayName("ping server: returns normally when another thread closes its socket")
    void pingServerReturnsOnClose() throws Exception {
        assertReturnsOnClose("PingServer.serve", s -> PingServer.serve(s, 0.0, 5));
    }
}
