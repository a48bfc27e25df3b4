package socketlabs.lab03;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** The instructor's hidden checks of this task: the visible tests' behaviours with other seeds, sizes and scripts. */
@Hidden
@DisplayName("Task 4c · Sliding window (Go-Back-N)")
class HiddenGoBackNTest {

    @Test
    @Points(2)
    @DisplayName("Go-Back-N: 7,777 bytes, window 5, through 20% loss with duplication and reordering")
    void goBackNOtherChannel() throws Exception {
        Transfers.assertThroughChannel("GoBackNSender.send (window 5)", (s, to, d, c) -> GoBackNSender.send(s, to, d, 5, c), 5,
                Loopback.seededBytes(7_777, 21), Impairments.of(0.2, 0.15, 0.15), 99);
    }
}
