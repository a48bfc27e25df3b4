package socketlabs.lab04;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * For the tests that use real raw sockets: skips a test, with one line saying why and how to run
 * it, where raw sockets cannot be opened (not Linux, or no CAP_NET_RAW). A skipped test scores 0
 * points but does not fail the build; run as root to count it.
 */
final class LiveRaw {
    private static Optional<String> why;

    private LiveRaw() {
    }

    static synchronized void assumeAvailable() {
        if (why == null) {
            why = RawSocket.unavailableReason();
        }
        Assumptions.assumeTrue(why.isEmpty(), () -> "raw sockets are not available here, so this live test is skipped (0 points): "
                + why.get().replace('\n', ' ') + (why.get().contains("sudo") ? "" : "; it runs on Linux as root: sudo ./mvnw test -pl lab04-raw -am"));
    }
}
