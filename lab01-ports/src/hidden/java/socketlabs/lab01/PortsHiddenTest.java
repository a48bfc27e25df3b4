package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/**
 * The instructor's hidden tests for task 1: ports the visible tests never name, so that code which
 * answers only the visible tests' boundary ports (a hard-coded table) does not pass. Seeded.
 */
@Hidden
@DisplayName("Task 1 · Port numbers")
class PortsHiddenTest {
    private static final long SEED = 20_240_101L;

    @Test
    @Points(2)
    @DisplayName("classifies well-known service ports and random ports inside each range")
    void insideEachRange() {
        int[][] known = {{22, 0}, {80, 0}, {443, 0}, {1025, 1}, {5432, 1}, {8080, 1}, {50000, 2}, {60001, 2}};
        for (int[] k : known) {
            PortRange expected = PortRange.values()[k[1]];
            assertEquals(expected, Ports.classify(k[0]), () -> "Ports.classify(" + k[0] + "): expected " + expected
                    + " (0-1023 well-known, 1024-49151 registered, 49152-65535 dynamic)");
        }
        Random random = new Random(SEED);
        for (PortRange range : PortRange.values()) {
            for (int i = 0; i < 200; i++) {
                int port = range.first + random.nextInt(range.last - range.first + 1);
                assertEquals(range, Ports.classify(port), () -> "Ports.classify(" + port + "): expected " + range
                        + ". Compare against the range bounds rather than listing ports.");
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("rejects other numbers outside 0-65535, naming each in the message")
    void otherOutOfRange() {
        Random random = new Random(SEED + 1);
        int[] outside = {-2, -65535, 65537, 100_000, 1 << 16 | 80, -(1 << 20) - random.nextInt(1000), 70_000 + random.nextInt(1000)};
        for (int port : outside) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ports.classify(port),
                    () -> "Ports.classify(" + port + ") must throw IllegalArgumentException: a port is 16 bits, 0-65535"
                            + (port == (1 << 16 | 80) ? " (" + port + " is 80 plus 2^16: a port is never taken modulo 65536)" : ""));
            assertTrue(String.valueOf(e.getMessage()).contains(String.valueOf(port)),
                    () -> "the exception's message should name the port " + port + " but was: " + e.getMessage());
        }
    }

    @Test
    @Points(1)
    @DisplayName("isValid agrees with the range 0-65535 for random numbers on both sides")
    void validityEverywhere() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 1000; i++) {
            int n = random.nextInt(200_000) - 50_000;
            boolean expected = n >= 0 && n <= 65535;
            assertEquals(expected, Ports.isValid(n), () -> "Ports.isValid(" + n + "): expected " + expected
                    + ". A port is any number from 0 to 65535, both ends included.");
        }
        assertTrue(Ports.isValid(1) && Ports.isValid(65534), "1 and 65534 are valid ports");
    }
}
