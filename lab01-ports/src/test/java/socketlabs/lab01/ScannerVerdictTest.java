package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Points;
import socketlabs.lab01.ScriptedConnector.Answer;

/**
 * The scanner's verdicts when the first try of a port times out: on a loaded machine a closed
 * port can be silent once (its SYN never left in time), so silence earns a second try, and only
 * silence. Scripted: no verdict here depends on how busy the machine is.
 */
@DisplayName("Task 5 · Port scanner: one silence is not yet FILTERED")
class ScannerVerdictTest {
    private static final InetAddress LOOPBACK = Loopback.ADDRESS;
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("a port silent once and then refused is CLOSED, silent once and then accepted OPEN: it was tried twice")
    void silenceOnceIsRetried() {
        ScriptedConnector network = new ScriptedConnector().answer(200, Answer.SILENCE, Answer.REFUSE)
                .answer(201, Answer.SILENCE, Answer.ACCEPT).answer(202, Answer.SILENCE, Answer.NO_ROUTE);
        PortScanner scanner = new PortScanner(1, TIMEOUT, network);
        assertEquals(PortState.CLOSED, scanner.probe(LOOPBACK, 200), "port 200 timed out on the first try and was refused on"
                + " the second: a closed port on a machine too busy to send the first SYN in time. Expected CLOSED: after a"
                + " time-out, try the port once more, and the second answer is the verdict.");
        assertEquals(PortState.OPEN, scanner.probe(LOOPBACK, 201), "port 201 timed out on the first try and accepted on the"
                + " second: expected OPEN (the second try's answer is the verdict)");
        assertEquals(PortState.FILTERED, scanner.probe(LOOPBACK, 202), "port 202 timed out, then had no route: expected FILTERED");
        assertEquals(List.of(2, 2, 2), List.of(network.tries(200), network.tries(201), network.tries(202)),
                "tries of ports 200, 201, 202: each timed out once, so each is tried exactly twice");
    }

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("a port silent twice is FILTERED after exactly two tries; answered ports are tried once")
    void silenceTwiceIsFiltered() {
        ScriptedConnector network = new ScriptedConnector().answer(300, Answer.SILENCE).answer(301, Answer.REFUSE)
                .answer(302, Answer.ACCEPT).answer(303, Answer.NO_ROUTE);
        List<PortResult> results = new PortScanner(2, TIMEOUT, network).scan(LOOPBACK, 300, 303);
        List<PortResult> expected = List.of(new PortResult(300, PortState.FILTERED), new PortResult(301, PortState.CLOSED),
                new PortResult(302, PortState.OPEN), new PortResult(303, PortState.FILTERED));
        assertEquals(expected, results, () -> "300 is always silent, 301 refuses, 302 accepts, 303 has no route; expected "
                + expected + ", got " + results);
        List<Integer> tries = List.of(network.tries(300), network.tries(301), network.tries(302), network.tries(303));
        assertEquals(List.of(2, 1, 1, 1), tries, () -> "tries of ports 300-303: expected [2, 1, 1, 1], got " + tries + ". Only"
                + " a time-out is tried again, and only once (a refusal, an acceptance and \"no route\" are answers); a port"
                + " that is silent twice is FILTERED.");
        assertEquals(5, network.timeouts().size(), "5 connects in all: 4 ports, one of them twice");
        assertEquals(List.of(TIMEOUT), network.timeouts().stream().distinct().toList(), "every try gets the scanner's timeout");
    }

    @Test
    @Points(1)
    @DisplayName("a local failure on the second try is still thrown, not turned into a state")
    void localFailureOnRetry() {
        ScriptedConnector network = new ScriptedConnector().answer(400, Answer.SILENCE, Answer.LOCAL_FAILURE);
        PortScanner scanner = new PortScanner(1, TIMEOUT, network);
        assertThrows(UncheckedIOException.class, () -> scanner.probe(LOOPBACK, 400), "port 400 timed out, then the second try"
                + " failed with SocketException(\"Too many open files\"): that says nothing about the port; expected"
                + " UncheckedIOException, not FILTERED");
    }

    @Test
    @Points(1)
    @DisplayName("accepts the smallest settings the spec allows: maxInFlight 1 and a timeout of exactly 1 ms")
    void acceptsTheSmallestSettings() {
        ScriptedConnector network = new ScriptedConnector().answer(500, Answer.ACCEPT);
        PortScanner scanner;
        try {
            scanner = new PortScanner(1, Duration.ofMillis(1), network);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("new PortScanner(1, 1 ms, connector) threw " + e + "; \"at least 1\" and \"at least 1 ms\""
                    + " include 1 and 1 ms: refuse only maxInFlight < 1 and a timeout under 1 ms (check < against <=)", e);
        }
        assertEquals(List.of(new PortResult(500, PortState.OPEN)), scanner.scan(LOOPBACK, 500, 500), "scan of one accepting port");
        assertEquals(List.of(Duration.ofMillis(1)), network.timeouts(), "the 1 ms timeout is passed on to the connector");
    }
}
