package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** The instructor's hidden checks of this task: the visible tests' behaviours with other seeds, sizes and scripts. */
@Hidden
@DisplayName("Task 4b · Stop-and-wait")
class HiddenStopAndWaitTest {

    @Test
    @Points(2)
    @DisplayName("stop-and-wait: with maxTries 2, sends a segment exactly twice to a receiver that is gone")
    void stopAndWaitTwoTries() throws Exception {
        TransferConfig twoTries = new TransferConfig(300, Duration.ofMillis(20), 2);
        try (SilentPeer gone = new SilentPeer(); DatagramSocket socket = Loopback.socket()) {
            Async<Void> sending = Transfers.sendTo("StopAndWaitSender.send", StopAndWaitSender::send, gone.address(),
                    Loopback.seededBytes(1_000, 22), twoTries, socket);
            assertTrue(sending.thrown() instanceof IOException, () -> "sent to a receiver that never answers, maxTries 2;"
                    + " expected an IOException, but " + sending.describe());
            int sent = gone.countBefore().size();
            assertEquals(2, sent, () -> "maxTries 2 means DATA 0 is sent twice in all, then the sender gives up; it was sent " + sent + " times");
        }
    }
}
