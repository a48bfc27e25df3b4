package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Points;

@DisplayName("Task 1 · Port numbers")
class PortsMessageTest {

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, 65536})
    @Points(1)
    @DisplayName("Ports.classify: the message names the port and the valid range")
    void classifyMessageNamesRange(int port) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ports.classify(port));
        assertTrue(String.valueOf(e.getMessage()).contains("0-65535"), () -> "Ports.classify(" + port + "): the message should"
                + " name the valid range, as in \"port 65536 is outside 0-65535\", but was: " + e.getMessage());
    }
}
