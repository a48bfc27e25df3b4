package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** Hidden: every port, not only the boundaries the visible tests name. */
@Hidden
@DisplayName("Task 1 · Port numbers")
class HiddenPortsTest {

    @Test
    @Points(2)
    @DisplayName("classifies all 65,536 ports: 1,024 well-known, 48,128 registered, 16,384 dynamic")
    void everyPort() {
        Map<PortRange, Integer> counts = new EnumMap<>(PortRange.class);
        for (int port = 0; port <= 65535; port++) {
            PortRange expected = port <= 1023 ? PortRange.WELL_KNOWN : port <= 49151 ? PortRange.REGISTERED : PortRange.DYNAMIC;
            PortRange got = Ports.classify(port);
            int p = port;
            assertEquals(expected, got, () -> "Ports.classify(" + p + ")");
            counts.merge(got, 1, Integer::sum);
        }
        assertEquals(Map.of(PortRange.WELL_KNOWN, 1024, PortRange.REGISTERED, 48128, PortRange.DYNAMIC, 16384), counts);
        for (int port : new int[] {-65536, -2, -1, 65536, 65537, 100000, 1 << 16, 1 << 20}) {
            assertEquals(false, Ports.isValid(port), "Ports.isValid(" + port + ")");
        }
    }
}
