package socketlabs.lab03;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.lab03.ScriptedPingPeer.Action;

/** The instructor's hidden checks of this task: the visible tests' behaviours with other seeds, sizes and scripts. */
@Hidden
@DisplayName("Task 2 · UDP pinger")
class HiddenPingerTest {

    @Test
    @Points(2)
    @DisplayName("ping server: drops by another seed and rate")
    void pingServerOtherSeed() throws Exception {
        PingerTest.assertDropsSeededShare(0.5, 2024, 24);
    }

    @Test
    @Points(2)
    @DisplayName("pinger: twelve pings with late, duplicated and dropped replies, two-digit sequence numbers included")
    void pingerOtherScript() throws Exception {
        Map<Integer, Action> script = Map.of(1, Action.LATE, 3, Action.TWICE, 5, Action.DROP, 10, Action.LATE, 12, Action.DROP);
        List<Boolean> expected = List.of(false, true, true, true, false, true, true, true, true, false, true, false);
        PingerTest.assertPings(script, expected, "the server answers pings 1 and 10 late, 3 twice, never 5 and 12. Match each"
                + " reply by its seq; skip late replies and second copies.");
    }
}
