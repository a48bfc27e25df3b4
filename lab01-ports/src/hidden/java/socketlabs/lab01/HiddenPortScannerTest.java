package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.lab01.ScriptedConnector.Answer;

/** Hidden: other blocks, other limits, other answers than the visible tests use. */
@Hidden
@DisplayName("Task 5 · Port scanner")
class HiddenPortScannerTest {

    @Test
    @Points(2)
    @DisplayName("scans a block of 24 real ports, open ones chosen from a seed, with 3 connections in flight")
    void seededRealBlock() throws IOException {
        Random random = new Random(24);
        Set<Integer> openOffsets = new HashSet<>();
        for (int offset = 0; offset < 24; offset++) {
            if (random.nextInt(3) == 0) {
                openOffsets.add(offset);
            }
        }
        try (PortBlock block = PortBlock.hold(24, openOffsets)) {
            List<PortResult> results = new PortScanner(3, Duration.ofSeconds(2)).scan(Loopback.ADDRESS, block.first, block.last);
            List<PortResult> expected = IntStream.rangeClosed(block.first, block.last)
                    .mapToObj(p -> new PortResult(p, block.open.contains(p) ? PortState.OPEN : PortState.CLOSED))
                    .collect(Collectors.toList());
            assertEquals(expected, results, "scan of " + block);
        }
    }

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("scans 300 scripted ports with seeded answers and 7 in flight, never more")
    void seededScript() {
        Random random = new Random(7);
        ScriptedConnector network = new ScriptedConnector();
        List<PortResult> expected = new ArrayList<>();
        Answer[] answers = Answer.values();
        for (int port = 40000; port < 40300; port++) {
            Answer a = answers[random.nextInt(answers.length - 1)]; // every answer but LOCAL_FAILURE
            network.answer(port, a);
            PortState state = a == Answer.ACCEPT ? PortState.OPEN : a == Answer.REFUSE ? PortState.CLOSED : PortState.FILTERED;
            expected.add(new PortResult(port, state));
        }
        List<PortResult> results = new PortScanner(7, Duration.ofMillis(77), network).scan(Loopback.ADDRESS, 40000, 40299);
        assertEquals(expected, results, "a scripted network (seed 7) answered ports 40000-40299 with accepts, refusals,"
                + " silence and no-route at random; expected one result per port in port order: OPEN, CLOSED, FILTERED"
                + " and FILTERED, with the timeout 77 ms passed on");
        HoldingConnector holding = new HoldingConnector(7);
        new PortScanner(7, Duration.ofMillis(77), holding).scan(Loopback.ADDRESS, 50000, 50099);
        assertEquals(7, holding.peak(), "maxInFlight 7 and a slow network: the most connections in flight at once must be"
                + " exactly 7 (not more: a bound; not fewer: every slot used)");
    }
}
