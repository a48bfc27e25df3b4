package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Points;

@DisplayName("Task 1 · Port numbers")
class PortsTest {

    @ParameterizedTest(name = "port {0} is {1}")
    @CsvSource({"0, WELL_KNOWN", "1023, WELL_KNOWN", "1024, REGISTERED", "49151, REGISTERED", "49152, DYNAMIC", "65535, DYNAMIC"})
    @Points(4)
    @DisplayName("classifies the ports on each side of every range boundary")
    void boundaries(int port, PortRange expected) {
        assertEquals(expected, Ports.classify(port), () -> "Ports.classify(" + port + "): expected " + expected
                + ". The ranges are 0-1023, 1024-49151, 49152-65535, both ends included: check < against <=.");
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
    @Points(2)
    @DisplayName("rejects a number outside 0-65535 with a message that names it")
    void outOfRange(int port) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ports.classify(port),
                () -> "Ports.classify(" + port + ") must throw IllegalArgumentException: a port is 16 bits, 0-65535");
        assertTrue(String.valueOf(e.getMessage()).contains(String.valueOf(port)),
                () -> "the exception's message should name the port " + port + " but was: " + e.getMessage());
    }

    @Test
    @Points(1)
    @DisplayName("knows the valid range is 0-65535")
    void validity() {
        assertTrue(Ports.isValid(0) && Ports.isValid(65535), "0 and 65535 are valid ports");
        assertTrue(!Ports.isValid(-1) && !Ports.isValid(65536), "-1 and 65536 are not valid ports");
    }
}
