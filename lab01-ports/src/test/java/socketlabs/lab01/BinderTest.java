package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

@DisplayName("Task 4 · Binding")
class BinderTest {
    static final int TIMEOUT_MS = 2000;
    static final InetAddress LOOPBACK = Loopback.ADDRESS;

    @Test
    @Points(2)
    @DisplayName("binds TCP port 0, reports the port the OS picked, and keeps listening on it")
    void tcpPortZero() throws IOException {
        try (BindResult r = Binder.bindTcp(LOOPBACK, 0)) {
            assertEquals(BindResult.Status.BOUND, r.status(), () -> "bindTcp(127.0.0.1, 0) should bind; got " + r);
            assertNotEquals(0, r.port(), "port 0 asks the OS to pick a port: report the port the socket got"
                    + " (getLocalPort() after bind), not the 0 that was asked for");
            assertEquals(LOOPBACK, r.local().getAddress(), () -> "bound to " + r.local() + " but 127.0.0.1 was asked for");
            expectListening(r.port(), "bindTcp(127.0.0.1, 0) reported port " + r.port());
        }
    }

    @Test
    @Points(2)
    @DisplayName("binds a chosen TCP port and reports that port")
    void tcpChosenPort() throws IOException {
        for (int attempt = 1; ; attempt++) {
            int chosen = Loopback.freeTcpPort();
            try (BindResult r = Binder.bindTcp(LOOPBACK, chosen)) {
                if (r.status() == BindResult.Status.IN_USE && attempt < 3 && !Loopback.isFreeTcpPort(chosen)) {
                    continue; // another program took the port between the test's check and the bind: choose again
                }
                assertEquals(BindResult.Status.BOUND, r.status(),
                        () -> "bindTcp(127.0.0.1, " + chosen + "), a free port: got " + r);
                assertEquals(chosen, r.port(), "the port bound is the port asked for");
                expectListening(chosen, "bindTcp(127.0.0.1, " + chosen + ")");
                return;
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("reports a TCP port already in use as IN_USE, a result and not an exception")
    void tcpInUse() throws IOException {
        try (ServerSocket holder = new ServerSocket(0, 50, LOOPBACK)) {
            holder.setSoTimeout(TIMEOUT_MS);
            int port = holder.getLocalPort();
            BindResult r;
            try {
                r = Binder.bindTcp(LOOPBACK, port);
            } catch (RuntimeException e) {
                throw new AssertionError("bindTcp on a port this test holds threw " + e
                        + "; a port in use is an ordinary outcome: return BindResult.inUse(...)", e);
            }
            try (r) {
                assertEquals(BindResult.Status.IN_USE, r.status(), () -> "the test holds TCP port " + port
                        + " (a listening ServerSocket); binding it again must say IN_USE, got " + r);
                assertNull(r.socket(), "an IN_USE result holds no socket: close what did not bind");
            }
            expectListening(port, "after the failed bind the holder still owns port " + port);
        }
    }

    @Test
    @Points(2)
    @DisplayName("binds UDP port 0 and keeps the port: a datagram sent there arrives, a second bind fails")
    void udpPortZero() throws IOException {
        try (BindResult r = Binder.bindUdp(LOOPBACK, 0)) {
            assertEquals(BindResult.Status.BOUND, r.status(), () -> "bindUdp(127.0.0.1, 0) should bind; got " + r);
            assertNotEquals(0, r.port(), "report the port the OS picked, not 0");
            DatagramSocket bound = assertInstanceOf(DatagramSocket.class, r.socket(), "a udp result's socket is the DatagramSocket");
            bound.setSoTimeout(TIMEOUT_MS);
            byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
            try (DatagramSocket sender = new DatagramSocket(0, LOOPBACK)) {
                sender.setSoTimeout(TIMEOUT_MS);
                sender.send(new DatagramPacket(hello, hello.length, LOOPBACK, r.port()));
            }
            DatagramPacket in = new DatagramPacket(new byte[16], 16);
            bound.receive(in);
            assertEquals("hello", new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII),
                    "the datagram sent to the reported port arrives at the bound socket");
            try (BindResult again = Binder.bindUdp(LOOPBACK, r.port())) {
                assertEquals(BindResult.Status.IN_USE, again.status(), () -> "UDP port " + r.port()
                        + " is held by the first result: binding it again must say IN_USE, got " + again);
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("holds TCP and UDP on the same port number at once: they are separate port spaces")
    void tcpAndUdpSamePort() throws IOException {
        try (BindResult tcp = Binder.bindTcp(LOOPBACK, 0)) {
            assertEquals(BindResult.Status.BOUND, tcp.status(), () -> "bindTcp(127.0.0.1, 0): got " + tcp);
            try (BindResult udp = Binder.bindUdp(LOOPBACK, tcp.port())) {
                assertEquals(BindResult.Status.BOUND, udp.status(), () -> "TCP port " + tcp.port() + " is held; UDP port "
                        + tcp.port() + " is another port in another space and must bind too, got " + udp);
                assertEquals(tcp.port(), udp.port(), "the same number for both");
                expectListening(tcp.port(), "with UDP bound on the same number, the TCP port");
            }
        }
    }

    /** Connects to the port: proves that a socket is bound there and listening. */
    static void expectListening(int port, String what) {
        try (Socket s = new Socket()) {
            s.setSoTimeout(TIMEOUT_MS);
            s.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT_MS);
        } catch (IOException e) {
            fail(what + ", but connecting to 127.0.0.1:" + port + " failed with " + e
                    + ". Keep the socket open in the result: a try-with-resources inside bindTcp closes it before it returns.");
        }
    }
}
