package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

/**
 * The echo client's one deadline under strays, and the echo server's end: strays arrive often, so
 * code that restarts its wait on each one waits far too long.
 */
@DisplayName("Task 1 · Datagram echo")
class EchoWaitsTest {
    @Test
    @Points(2)
    @DisplayName("echo client: strays arriving every 20 ms do not extend the 300 ms timeout")
    void echoClientStraysDoNotExtendTheWait() throws Exception {
        try (SilentPeer server = new SilentPeer(); DatagramSocket socket = Loopback.socket();
                StrayDripper strays = StrayDripper.start(Loopback.address(socket), Duration.ofMillis(20), List.of(Loopback.ascii("stray")))) {
            Async<EchoReply> exchange = Async.start("EchoClient.exchange",
                    () -> EchoClient.exchange(socket, server.address(), Loopback.ascii("anyone?"), 100, Duration.ofMillis(300)));
            boolean ended = exchange.await(Duration.ofSeconds(4));
            assertTrue(ended, () -> "sent a datagram to a server that never replies, timeout 300 ms, while a stranger sent a"
                    + " datagram to the client every 20 ms; after 4 s EchoClient.exchange was still waiting. Each stray"
                    + " restarted the wait: keep one deadline (sent + timeout) and set the socket's timeout to what is left of it.");
            assertTrue(exchange.returned() && exchange.value().outcome() == EchoReply.Outcome.TIMED_OUT, () -> "expected TIMED_OUT"
                    + " (the strays are not from the server), but " + (exchange.returned() ? "got " + exchange.value() : exchange.describe()));
        }
    }

    @Test
    @Points(1)
    @DisplayName("echo server: returns normally when another thread closes its socket")
    void echoServerReturnsOnClose() throws Exception {
        ServerEnds.assertReturnsOnClose("EchoServer.serve", EchoServer::serve);
    }
}
