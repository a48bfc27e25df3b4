package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.Trace;
import socketlabs.lab01.ScriptedConnector.Answer;

@DisplayName("Task 5 · Port scanner")
@ExtendWith(Trace.class) // each scan drawn as a map of the port space on the report page
class PortScannerTest {
    static final InetAddress LOOPBACK = Loopback.ADDRESS;
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int TIMEOUT_MS = 2000;

    /** Attaches a scan, the expected results beside the scanner's, to the test's result (the report page's scan map). */
    static void attachScan(List<PortResult> expected, List<PortResult> actual) {
        java.util.function.Function<List<PortResult>, List<java.util.Map<String, Object>>> json = rs -> rs == null ? List.of()
                : rs.stream().limit(1024).map(r -> java.util.Map.<String, Object>of("port", r.port(), "state", String.valueOf(r.state())))
                .collect(Collectors.toList());
        java.util.Map<String, Object> trace = new java.util.LinkedHashMap<>();
        trace.put("kind", "scan");
        trace.put("expected", json.apply(expected));
        trace.put("actual", json.apply(actual));
        Trace.attach(trace);
    }

    @Test
    @Points(3)
    @DisplayName("finds every open port of a block of real ports, calls no closed port open, in port order")
    void scansRealPorts() throws IOException {
        try (PortBlock block = PortBlock.hold(16, Set.of(0, 3, 4, 9, 15))) {
            List<PortResult> results = new PortScanner(4, TIMEOUT).scan(LOOPBACK, block.first, block.last);
            List<PortResult> expected = IntStream.rangeClosed(block.first, block.last)
                    .mapToObj(p -> new PortResult(p, block.open.contains(p) ? PortState.OPEN : PortState.CLOSED))
                    .collect(Collectors.toList());
            attachScan(expected, results);
            assertEquals(expected, results, () -> "scanned " + block + " (nothing listens on the other ports of the block,"
                    + " so connections to them are refused): expected one result per port, in port order, the first and"
                    + " the last port included.\n expected " + expected + "\n got      " + results);
        }
    }

    @Test
    @Points(2)
    @DisplayName("probes an open port as OPEN, and closes the connection it made")
    void probeOpenCloses() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            server.setSoTimeout(TIMEOUT_MS);
            PortState state = new PortScanner(1, TIMEOUT).probe(LOOPBACK, server.getLocalPort());
            assertEquals(PortState.OPEN, state, "probe of a port with a listening ServerSocket");
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(TIMEOUT_MS);
                int read;
                try {
                    read = accepted.getInputStream().read();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the scanner's connection was still open " + TIMEOUT_MS + " ms after probe()"
                            + " returned: close each socket you open (try-with-resources), or a scan of many open ports"
                            + " runs out of file descriptors", e);
                }
                assertEquals(-1, read, "the server should see the end of the stream (the scanner closed), not data");
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("probes a port where nothing listens as CLOSED")
    void probeClosed() throws IOException {
        try (Socket holder = new Socket()) {
            holder.setSoTimeout(TIMEOUT_MS);
            holder.bind(new InetSocketAddress(LOOPBACK, 0)); // bound, not listening: connections are refused
            int port = holder.getLocalPort();
            assertEquals(PortState.CLOSED, new PortScanner(1, TIMEOUT).probe(LOOPBACK, port),
                    "probe of 127.0.0.1:" + port + " (bound, not listening: the connection is refused)");
        }
    }

    @Test
    @Points(2)
    @DisplayName("maps each answer to its state: accepted OPEN, refused CLOSED, silence or no route FILTERED")
    void mapsAnswers() {
        ScriptedConnector network = new ScriptedConnector()
                .answer(100, Answer.ACCEPT).answer(101, Answer.REFUSE).answer(102, Answer.SILENCE)
                .answer(103, Answer.NO_ROUTE).answer(104, Answer.ACCEPT);
        Duration timeout = Duration.ofMillis(321);
        List<PortResult> results = new PortScanner(2, timeout, network).scan(LOOPBACK, 100, 104);
        List<PortResult> expected = List.of(new PortResult(100, PortState.OPEN), new PortResult(101, PortState.CLOSED),
                new PortResult(102, PortState.FILTERED), new PortResult(103, PortState.FILTERED), new PortResult(104, PortState.OPEN));
        attachScan(expected, results);
        assertEquals(expected, results, () -> "a scripted network: 100 accepts, 101 refuses (ConnectException), 102 is silent"
                + " (SocketTimeoutException), 103 has no route (NoRouteToHostException), 104 accepts.\n expected " + expected
                + "\n got      " + results + "\nCatch the narrow exceptions before IOException.");
        assertEquals(List.of(timeout, timeout, timeout, timeout, timeout, timeout), network.timeouts(),
                "each port is tried once, the silent one twice, each try with the scanner's timeout (321 ms here)");
    }

    @Test
    @Points(1)
    @DisplayName("does not turn a local failure into a port state: it throws UncheckedIOException")
    void localFailureIsNotAState() {
        ScriptedConnector network = new ScriptedConnector().answer(7, Answer.LOCAL_FAILURE);
        PortScanner scanner = new PortScanner(2, TIMEOUT, network);
        assertThrows(UncheckedIOException.class, () -> scanner.probe(LOOPBACK, 7),
                "the connector threw SocketException(\"Too many open files\"): that is about this machine, not about port 7;"
                        + " probe must throw UncheckedIOException, not report CLOSED or FILTERED");
        assertThrows(UncheckedIOException.class, () -> scanner.scan(LOOPBACK, 5, 9),
                "scan must let the UncheckedIOException of a probe through, not hide it");
    }

    @Test
    @Points(3)
    @Timeout(20)
    @DisplayName("never has more than maxInFlight connections in flight, and uses all of them")
    void boundsConcurrency() {
        int limit = 4;
        HoldingConnector network = new HoldingConnector(limit);
        List<PortResult> results = new PortScanner(limit, TIMEOUT, network).scan(LOOPBACK, 1000, 1039);
        assertEquals(40, network.calls(), "40 ports, each tried once");
        assertEquals(40, results.size(), "one result per port");
        assertTrue(network.peak() <= limit, () -> "maxInFlight is " + limit + " but " + network.peak()
                + " connections were in flight at once: bound the work, for example with a fixed pool of maxInFlight threads");
        assertEquals(limit, network.peak(), () -> "maxInFlight is " + limit + " but at most " + network.peak()
                + " connection(s) were in flight at once while the network was slow: try ports concurrently, up to the limit");
    }

    @Test
    @Points(2)
    @DisplayName("lists the results in port order even when the answers come back in another order")
    void portOrder() {
        List<PortResult> results = new PortScanner(5, TIMEOUT, new ReverseOrderConnector()).scan(LOOPBACK, 1000, 1019);
        List<Integer> ports = results.stream().map(PortResult::port).collect(Collectors.toList());
        List<Integer> expected = IntStream.rangeClosed(1000, 1019).boxed().collect(Collectors.toList());
        assertEquals(expected, ports, "ports 1000-1019 answered highest first: the results must still be in port order;"
                + " collect them by port (for example, the futures in the order submitted), not as they arrive");
    }

    @Test
    @Points(1)
    @DisplayName("rejects maxInFlight below 1 and a timeout shorter than 1 ms")
    void rejectsBadSettings() {
        ScriptedConnector network = new ScriptedConnector();
        expectRejected(() -> new PortScanner(0, TIMEOUT), "maxInFlight 0");
        expectRejected(() -> new PortScanner(-1, TIMEOUT, network), "maxInFlight -1");
        expectRejected(() -> new PortScanner(4, Duration.ZERO), "timeout 0 (Socket.connect would wait forever)");
        expectRejected(() -> new PortScanner(4, Duration.ofMillis(-5)), "a negative timeout");
        expectRejected(() -> new PortScanner(4, Duration.ofNanos(500_000)),
                "a timeout of 0.5 ms (in whole milliseconds that is 0: wait forever)");
        expectRejected(() -> new PortScanner(4, null), "a null timeout");
        expectRejected(() -> new PortScanner(4, TIMEOUT, null), "a null connector");
    }

    @Test
    @Points(2)
    @DisplayName("rejects a range outside 1-65535 or backwards, and scans the edges 1 and 65535")
    void rangeEdges() {
        PortScanner scanner = new PortScanner(2, TIMEOUT,
                new ScriptedConnector().answer(1, Answer.ACCEPT).answer(65535, Answer.ACCEPT));
        expectRejected(() -> scanner.scan(LOOPBACK, -1, 10), "scan(-1, 10)");
        expectRejected(() -> scanner.scan(LOOPBACK, 0, 10), "scan(0, 10): port 0 cannot be connected to");
        expectRejected(() -> scanner.scan(LOOPBACK, 65530, 65536), "scan(65530, 65536)");
        expectRejected(() -> scanner.scan(LOOPBACK, 20, 10), "scan(20, 10): first > last");
        assertEquals(List.of(new PortResult(1, PortState.OPEN), new PortResult(2, PortState.CLOSED)), scanner.scan(LOOPBACK, 1, 2),
                "scan(1, 2): port 1 is the first that can be scanned");
        assertEquals(List.of(new PortResult(65534, PortState.CLOSED), new PortResult(65535, PortState.OPEN)),
                scanner.scan(LOOPBACK, 65534, 65535), "scan(65534, 65535): 65535 is included");
        assertEquals(List.of(new PortResult(7, PortState.CLOSED)), scanner.scan(LOOPBACK, 7, 7), "scan(7, 7): one port");
    }

    @Test
    @Timeout(20)
    @DisplayName("on Linux, a listener whose backlog is full looks FILTERED: its SYNs are dropped (skipped elsewhere)")
    void filteredOnLoopback() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "only Linux drops a SYN when the accept queue is full; other systems refuse it or queue it");
        Path abortOnOverflow = Path.of("/proc/sys/net/ipv4/tcp_abort_on_overflow");
        assumeTrue(!Files.isReadable(abortOnOverflow) || Files.readAllLines(abortOnOverflow).contains("0"),
                "tcp_abort_on_overflow is set: Linux answers a full queue with a reset (CLOSED), not with silence");
        try (FullBacklogListener full = FullBacklogListener.open()) {
            assumeTrue(full.isFull(), "the listener's queue never filled up: no silence to observe here");
            PortState state = new PortScanner(1, Duration.ofMillis(300)).probe(LOOPBACK, full.port());
            assertEquals(PortState.FILTERED, state, "probe of a listener that never accepts and whose backlog is full");
        }
    }

    static void expectRejected(Runnable call, String what) {
        try {
            call.run();
        } catch (IllegalArgumentException expected) {
            return;
        } catch (RuntimeException other) {
            throw new AssertionError(what + ": expected IllegalArgumentException, got " + other, other);
        }
        throw new AssertionError(what + ": expected IllegalArgumentException, but it was accepted");
    }
}
