package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The servers' last rule, checked the same way for each: serve until the socket is closed, then return normally. */
final class ServerEnds {
    private ServerEnds() {
    }

    static void assertReturnsOnClose(String name, RunningServer.Serve serve) throws Exception {
        byte[] hello = "still there?".getBytes(StandardCharsets.US_ASCII);
        DatagramSocket socket = Loopback.socket();
        socket.setSoTimeout(0); // a server's socket waits as long as it takes: only the close ends the wait
        Async<Void> serving = Async.start(name, () -> {
            serve.serve(socket);
            return null;
        });
        try (DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, hello, Loopback.address(socket));
            byte[] reply = Loopback.receiveUnless(client, Loopback.READ_TIMEOUT_MS, serving::ended);
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
}
