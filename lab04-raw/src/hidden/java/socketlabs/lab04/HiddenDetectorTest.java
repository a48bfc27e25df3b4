package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

@Hidden
@DisplayName("Task 4 · Port-scan detector")
class HiddenDetectorTest {

    @Test
    @Points(1)
    @DisplayName("hidden: the real scan at thresholds 100 and 101, and in a window shorter than the scan")
    void thresholdsOnRealScan() throws IOException {
        List<ScanAlert> at100 = PortScanDetectorTest.run(Fixtures.SCAN, new PortScanDetector(100, Duration.ofSeconds(1)));
        assertEquals(1, at100.size(), "100 distinct ports scanned, threshold 100: one alert");
        assertEquals(Instant.parse("2026-11-25T23:30:18.725237358Z"), at100.get(0).raisedAt(), "raised at the 100th SYN");
        assertEquals(List.of(), PortScanDetectorTest.run(Fixtures.SCAN_RAWIP, new PortScanDetector(101, Duration.ofSeconds(1))),
                "100 ports scanned, threshold 101: no alert");
        assertEquals(List.of(), PortScanDetectorTest.run(Fixtures.SCAN, new PortScanDetector(100, Duration.ofMillis(10))),
                "the 100 SYNs span 13 ms: they do not fit in a 10 ms window");
    }
}
