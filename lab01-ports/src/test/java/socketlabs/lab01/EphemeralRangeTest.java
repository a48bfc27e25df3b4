package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Points;

@DisplayName("Task 4 · Binding")
class EphemeralRangeTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "'32768\t60999\n'   | 32768 | 60999",
        "'1024 65535'       | 1024  | 65535",
        "'  49152   65535 ' | 49152 | 65535",
        "'0\t0'             | 0     | 0"})
    @Points(2)
    @DisplayName("parses ip_local_port_range: two numbers separated by whitespace")
    void parses(String text, int first, int last) {
        assertEquals(new EphemeralRange(first, last), EphemeralRange.parse(text), () -> "EphemeralRange.parse(\""
                + text.replace("\t", "\\t").replace("\n", "\\n") + "\"). Linux separates the numbers with a tab and ends"
                + " the file with a newline: split on any whitespace, after stripping.");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "32768", "60999 32768", "32768 60999 1", "low high", "32768 65536", "-1 100", "32768,60999"})
    @Points(2)
    @DisplayName("rejects content that is not two ports in order")
    void rejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> EphemeralRange.parse(text),
                () -> "EphemeralRange.parse(\"" + text + "\") must throw IllegalArgumentException: the file holds two port"
                        + " numbers, first <= last");
    }

    @Test
    @Points(2)
    @DisplayName("reads the range from the file it is given, and falls back to IANA's 49152-65535 where there is none")
    void readsOrFallsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ip_local_port_range");
        Files.writeString(file, "20000\t30000\n", StandardCharsets.US_ASCII);
        assertEquals(new EphemeralRange(20000, 30000), EphemeralRange.read(file),
                "EphemeralRange.read(a file holding \"20000\\t30000\\n\"): read the file you are given, not a fixed path");
        Path missing = dir.resolve("no-such-file");
        assertEquals(new EphemeralRange(49152, 65535), EphemeralRange.read(missing),
                "EphemeralRange.read(a file that does not exist): fall back to IANA's dynamic range, 49152-65535");
    }

    @Test
    @DisplayName("on Linux, the OS picks the ports it binds for port 0 from the range the file gives (skipped elsewhere)")
    void portZeroLandsInTheRange() throws IOException {
        assumeTrue(Files.isReadable(EphemeralRange.LINUX_FILE), "no " + EphemeralRange.LINUX_FILE + ": not Linux");
        EphemeralRange range = EphemeralRange.ofThisMachine();
        for (int i = 0; i < 5; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, Loopback.ADDRESS)) {
                s.setSoTimeout(2000);
                int port = s.getLocalPort();
                assertTrue(range.contains(port), () -> "bound port 0 and got " + port + ", outside " + range);
            }
        }
    }

    @Test
    @DisplayName("warm-up (provided code): contains and size count both ends of a range")
    void containsAndSize() {
        EphemeralRange range = new EphemeralRange(32768, 60999);
        assertTrue(range.contains(32768) && range.contains(60999) && range.contains(40000), "both ends and the middle are in it");
        assertTrue(!range.contains(32767) && !range.contains(61000), "one below and one above are not");
        assertEquals(28232, range.size(), "32768-60999 holds 28,232 ports, both ends counted");
        assertEquals(1, new EphemeralRange(0, 0).size(), "0-0 holds one port");
    }
}
