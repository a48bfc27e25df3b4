package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.lab01.ScriptedConnector.Answer;

/** Hidden: seeded ports that are silent once before they answer, scanned with several in flight. */
@Hidden
@DisplayName("Task 5 · Port scanner")
class HiddenScannerVerdictTest {

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("scans 200 scripted ports, some silent once before their answer, with 5 in flight")
    void seededSilenceThenAnswer() {
        Random random = new Random(11);
        Answer[] answers = {Answer.ACCEPT, Answer.REFUSE, Answer.SILENCE, Answer.NO_ROUTE};
        ScriptedConnector network = new ScriptedConnector();
        List<PortResult> expected = new ArrayList<>();
        List<Integer> expectedTries = new ArrayList<>();
        for (int port = 30000; port < 30200; port++) {
            Answer then = answers[random.nextInt(answers.length)];
            boolean silentFirst = random.nextBoolean();
            if (silentFirst) {
                network.answer(port, Answer.SILENCE, then);
            } else {
                network.answer(port, then);
            }
            expected.add(new PortResult(port, then == Answer.ACCEPT ? PortState.OPEN : then == Answer.REFUSE ? PortState.CLOSED
                    : PortState.FILTERED));
            expectedTries.add(silentFirst || then == Answer.SILENCE ? 2 : 1);
        }
        List<PortResult> results = new PortScanner(5, Duration.ofMillis(55), network).scan(Loopback.ADDRESS, 30000, 30199);
        assertEquals(expected, results, "a scripted network (seed 11): some ports silent on the first try, then accepting,"
                + " refusing, silent or unreachable; the second try's answer is the verdict");
        List<Integer> tries = new ArrayList<>();
        for (int port = 30000; port < 30200; port++) {
            tries.add(network.tries(port));
        }
        assertEquals(expectedTries, tries, "tries per port: 2 for a port whose first try timed out, 1 for any other");
    }
}
