package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** Hidden: the exact Go-Back-N sequences with another window, segment size and count of tries. */
@Hidden
@DisplayName("Task 4c · Sliding window (Go-Back-N)")
class HiddenSequenceTest {

    @Test
    @Points(2)
    @DisplayName("to a silent receiver (window 5, 4 tries, 700-byte segments): the window four times, then throws")
    void silentWindowFive() throws Exception {
        TransferConfig config = new TransferConfig(700, Duration.ofMillis(30), 4);
        try (RecordingReceiver gone = RecordingReceiver.silent()) {
            Transfers.Run run = GoBackNSequenceTest.run(gone, Loopback.seededBytes(7_777, 51), 5, config);
            List<String> expected = GoBackNSequenceTest.rounds(13, 5, 4);
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "sent 7,777 bytes (DATA 0-11, FIN 12)"
                    + " with window 5 and maxTries 4: the receiver never answers; expected " + Transfers.shortList(expected)
                    + ", got " + Transfers.shortList(run.numbers()) + "." + GoBackNSequenceTest.silentHint(run.numbers(), 13, 5, 4));
            assertTrue(run.sending().thrown() instanceof IOException, () -> "expected an IOException, but " + run.sending().describe());
        }
    }

    @Test
    @Points(2)
    @DisplayName("ACK 2 on the second copy of DATA 1 (window 3, 3 tries): the count starts again at the slide")
    void slideAfterResends() throws Exception {
        TransferConfig config = new TransferConfig(400, Duration.ofMillis(150), 3);
        try (RecordingReceiver receiver = RecordingReceiver.scripted((s, copy) -> s.number() == 1 && copy == 2 ? 2 : null)) {
            Transfers.Run run = GoBackNSequenceTest.run(receiver, Loopback.seededBytes(2_000, 52), 3, config);
            List<String> expected = new ArrayList<>(List.of("0", "1", "2", "0", "1", "2"));
            expected.addAll(List.of("3", "4", "2", "3", "4", "2", "3", "4"));
            assertEquals(String.join(" ", expected), String.join(" ", run.numbers()), () -> "sent 2,000 bytes (DATA 0-4, FIN 5)"
                    + " with window 3, maxTries 3, to a receiver that answers the second copy of DATA 1 with ACK 2 and nothing"
                    + " else; expected " + Transfers.shortList(expected) + ": ACK 2 moves base to 2 and lets 3 and 4 out, then"
                    + " 2-4 go out on each of two time-outs and the third throws. Got " + Transfers.shortList(run.numbers()));
            assertTrue(run.sending().thrown() instanceof IOException, () -> "expected an IOException, but " + run.sending().describe());
        }
    }
}
