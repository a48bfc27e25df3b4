package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** The instructor's hidden checks of this task: the visible tests' behaviours with other seeds, sizes and scripts. */
@Hidden
@DisplayName("Task 1 · Datagram echo")
class HiddenEchoTest {

    @Test
    @Points(2)
    @DisplayName("echo client: skips a datagram from a stranger and returns the server's reply")
    void clientSkipsStranger() throws Exception {
        try (EchoPeer server = EchoPeer.start(); DatagramSocket socket = Loopback.socket(); DatagramSocket stranger = Loopback.socket()) {
            Loopback.send(stranger, "not the server".getBytes(StandardCharsets.US_ASCII), Loopback.address(socket));
            EchoReply reply = EchoClient.exchange(socket, server.address(), "real".getBytes(StandardCharsets.US_ASCII), 100,
                    Duration.ofSeconds(2));
            assertEquals("real", reply.text(), () -> "a stranger's datagram was waiting in the client's socket; expected the"
                    + " reply from the server (\"real\"), got " + reply + ". Only a datagram whose getSocketAddress() is the"
                    + " server's is the reply.");
        }
    }
}
