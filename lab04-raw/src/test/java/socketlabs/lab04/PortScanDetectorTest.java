package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

@DisplayName("Task 4 · Port-scan detector")
class PortScanDetectorTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A TCP packet from {@code source} to {@code target}'s port {@code port} with the given flags. */
    static Packet tcp(String source, String target, int port, int flags) {
        Ipv4Header ip = Ipv4Header.of(6, Addresses.ipv4(source), Addresses.ipv4(target), 20);
        return new Packet(ip, new TcpSegment(40000, port, 1, 0, flags, 1024, 0, 0, new byte[0], new byte[0]), null, null);
    }

    static Packet syn(String source, String target, int port) {
        return tcp(source, target, port, TcpSegment.SYN);
    }

    /** Runs a whole capture through the detector; returns every alert raised. */
    static List<ScanAlert> run(String fixture, PortScanDetector d) throws IOException {
        PcapFile f = Fixtures.read(fixture);
        List<ScanAlert> raised = new ArrayList<>();
        for (PcapRecord r : f.records()) {
            Packet.decode(f.linkType(), r.data()).flatMap(p -> d.accept(r.timestamp(), p)).ifPresent(raised::add);
        }
        return raised;
    }

    @Test
    @Points(3)
    @DisplayName("raises one alert on a real scan of 100 loopback ports")
    void realScan() throws IOException {
        List<ScanAlert> alerts = run(Fixtures.SCAN, new PortScanDetector(20, Duration.ofSeconds(1)));
        assertEquals(1, alerts.size(), () -> Fixtures.SCAN + " holds a connect scan of ports 20000-20099 (nc -z) from 127.0.0.1; with"
                + " threshold 20 ports in 1 s expected exactly one alert, got " + alerts);
        ScanAlert a = alerts.get(0);
        assertEquals(TestPackets.LOOPBACK, a.source(), "the alert's source");
        assertEquals(TestPackets.LOOPBACK, a.target(), "the alert's target");
        assertEquals(20, a.distinctPorts(), "the alert is raised when the 20th distinct port is tried");
        assertEquals(Instant.parse("2026-11-25T23:30:18.722744471Z"), a.raisedAt(),
                "raised at the time of the 20th SYN (tshark -Y 'tcp.flags==0x002': 1795649418.722744471)");
        assertEquals(Instant.parse("2026-11-25T23:30:18.711994788Z"), a.firstAttempt(), "the oldest attempt in the window: the first SYN");
    }

    @Test
    @Points(3)
    @DisplayName("stays quiet on ordinary traffic: HTTP, a TCP and a UDP message, ping")
    void ordinaryTraffic() throws IOException {
        PortScanDetector d = new PortScanDetector(5, Duration.ofSeconds(10));
        List<ScanAlert> alerts = run(Fixtures.ORDINARY, d);
        assertEquals(List.of(), alerts, () -> Fixtures.ORDINARY + " is six connections to two ports (curl, nc) within 3 s; threshold 5"
                + " ports in 10 s must raise nothing. The servers' SYN-ACKs go to six different client ports: they are answers,"
                + " not attempts (count SYN without ACK only), and repeated attempts to one port count once.");
        assertEquals(List.of(), d.alerts(), "alerts() after ordinary traffic");
    }

    @Test
    @Points(2)
    @DisplayName("does not count a server's SYN-ACKs or resets as attempts")
    void answersAreNotAttempts() {
        PortScanDetector d = new PortScanDetector(5, Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            Instant t = T0.plusMillis(i);
            assertEquals(Optional.empty(), d.accept(t, tcp("192.0.2.2", "192.0.2.1", 50000 + i, TcpSegment.SYN | TcpSegment.ACK)),
                    "a SYN-ACK from a server to a client's port is an answer: no alert");
            assertEquals(Optional.empty(), d.accept(t, tcp("192.0.2.2", "192.0.2.1", 51000 + i, TcpSegment.RST | TcpSegment.ACK)),
                    "a reset is an answer: no alert");
            assertEquals(Optional.empty(), d.accept(t, tcp("192.0.2.1", "192.0.2.2", 52000 + i, TcpSegment.ACK)),
                    "a plain ACK is not a connection attempt");
        }
    }

    @Test
    @Points(1)
    @DisplayName("counts repeated attempts to one port once")
    void samePortOnce() {
        PortScanDetector d = new PortScanDetector(2, Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.empty(), d.accept(T0.plusMillis(i), syn("192.0.2.1", "192.0.2.2", 443)),
                    "20 SYNs to port 443 (a client reconnecting, or retransmitting) are one port, under the threshold of 2");
        }
    }

    @Test
    @Points(2)
    @DisplayName("raises the alert exactly at the threshold")
    void threshold() {
        PortScanDetector d = new PortScanDetector(5, Duration.ofSeconds(10));
        for (int port = 1; port <= 4; port++) {
            int p = port;
            assertEquals(Optional.empty(), d.accept(T0.plusSeconds(port), syn("192.0.2.1", "192.0.2.2", port)),
                    () -> p + " distinct ports with threshold 5: no alert yet");
        }
        Optional<ScanAlert> a = d.accept(T0.plusSeconds(5), syn("192.0.2.1", "192.0.2.2", 5));
        assertTrue(a.isPresent(), "the 5th distinct port with threshold 5 raises the alert (>=, not >)");
        assertEquals(new ScanAlert(Addresses.ipv4("192.0.2.1"), Addresses.ipv4("192.0.2.2"), 5, T0.plusSeconds(1), T0.plusSeconds(5)), a.get(),
                "the alert: source, target, distinct ports, the oldest attempt in the window, the time raised");
        assertEquals(List.of(a.get()), d.alerts(), "alerts() holds the alert raised");
    }

    @Test
    @Points(2)
    @DisplayName("counts only attempts within the window, both ends included")
    void window() {
        PortScanDetector d = new PortScanDetector(3, Duration.ofSeconds(10));
        d.accept(T0, syn("192.0.2.1", "192.0.2.2", 1));
        d.accept(T0.plusSeconds(5), syn("192.0.2.1", "192.0.2.2", 2));
        assertTrue(d.accept(T0.plusSeconds(10), syn("192.0.2.1", "192.0.2.2", 3)).isPresent(),
                "attempts at 0 s, 5 s and 10 s with a 10 s window: the first is exactly 10 s old, still inside. Alert expected.");
        PortScanDetector e = new PortScanDetector(3, Duration.ofSeconds(10));
        e.accept(T0, syn("192.0.2.1", "192.0.2.2", 1));
        e.accept(T0.plusSeconds(5), syn("192.0.2.1", "192.0.2.2", 2));
        assertEquals(Optional.empty(), e.accept(T0.plusSeconds(10).plusNanos(1), syn("192.0.2.1", "192.0.2.2", 3)),
                "attempts at 0 s, 5 s and 10.000000001 s with a 10 s window: the first has left the window, 2 ports remain. No alert.");
        assertTrue(e.accept(T0.plusSeconds(11), syn("192.0.2.1", "192.0.2.2", 4)).isPresent(),
                "then a 4th port at 11 s: ports 2, 3, 4 within 10 s. Alert expected.");
    }

    @Test
    @Points(1)
    @DisplayName("counts each source and each target on its own")
    void pairs() {
        PortScanDetector d = new PortScanDetector(3, Duration.ofSeconds(10));
        int n = 0;
        for (String source : List.of("192.0.2.1", "192.0.2.3", "192.0.2.4")) {
            for (String target : List.of("192.0.2.2", "192.0.2.5")) {
                for (int port = 1; port <= 2; port++) {
                    assertEquals(Optional.empty(), d.accept(T0.plusMillis(n++), syn(source, target, port)),
                            "three sources each trying 2 ports on each of two targets: no pair reaches 3 ports");
                }
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("raises one alert per scan, not one per packet")
    void oncePerPair() {
        PortScanDetector d = new PortScanDetector(2, Duration.ofSeconds(10));
        for (int port = 1; port <= 50; port++) {
            d.accept(T0.plusMillis(port), syn("192.0.2.1", "192.0.2.2", port));
        }
        assertEquals(1, d.alerts().size(), () -> "50 ports scanned with threshold 2: one alert, got " + d.alerts().size());
    }

    @Test
    @Points(1)
    @DisplayName("a port tried again counts at its latest try: it stays in the window, and firstAttempt moves")
    void retriedPortMoves() {
        PortScanDetector d = new PortScanDetector(3, Duration.ofSeconds(5));
        String done = "threshold 3, window 5 s: port 1 at 0 s, port 2 at 1 s, port 1 again at 4 s, port 3 at 5.5 s";
        d.accept(T0, syn("192.0.2.1", "192.0.2.2", 1));
        d.accept(T0.plusSeconds(1), syn("192.0.2.1", "192.0.2.2", 2));
        assertEquals(Optional.empty(), d.accept(T0.plusSeconds(4), syn("192.0.2.1", "192.0.2.2", 1)),
                "port 1 tried again at 4 s: still 2 distinct ports, no alert");
        Optional<ScanAlert> alert = d.accept(T0.plusMillis(5_500), syn("192.0.2.1", "192.0.2.2", 3));
        assertTrue(alert.isPresent(), done + ": port 1 counts at its latest try (4 s), inside the window, so ports 1,"
                + " 2, 3 make 3 within 5 s: alert expected. Likely cause: a port kept at its first try's time, so"
                + " the try at 0 s left the window and took port 1 with it.");
        assertEquals(T0.plusSeconds(1), alert.get().firstAttempt(), done + ": firstAttempt is the oldest of the ports'"
                + " latest tries: port 2 at 1 s (port 1's try at 0 s was replaced by its try at 4 s)");
        assertEquals(T0.plusMillis(5_500), alert.get().raisedAt(), done + ": raisedAt is the time of port 3's attempt");
        assertEquals(3, alert.get().distinctPorts(), done + ": distinctPorts");
    }

    @Test
    @Points(1)
    @DisplayName("a threshold of 1 is allowed; 0, and a window that is zero or negative, are refused")
    void constructorLimits() {
        PortScanDetector one = new PortScanDetector(1, Duration.ofSeconds(1));
        assertTrue(one.accept(T0, syn("192.0.2.1", "192.0.2.2", 22)).isPresent(), "new PortScanDetector(1, 1 s): with a"
                + " threshold of 1, the first attempt is an alert");
        assertThrows(IllegalArgumentException.class, () -> new PortScanDetector(0, Duration.ofSeconds(1)),
                "new PortScanDetector(0, 1 s): a threshold under 1 is refused");
        assertThrows(IllegalArgumentException.class, () -> new PortScanDetector(3, Duration.ZERO),
                "new PortScanDetector(3, 0 s): the window must be positive");
        assertThrows(IllegalArgumentException.class, () -> new PortScanDetector(3, Duration.ofSeconds(-1)),
                "new PortScanDetector(3, -1 s): the window must be positive");
    }
}
