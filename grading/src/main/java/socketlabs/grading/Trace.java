package socketlabs.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test recorded of the run it judged (the datagrams a peer saw, the bytes of an exchange),
 * attached to the test's result so that the report page can draw it beside the failure. A test class
 * that attaches traces is annotated {@code @ExtendWith(Trace.class)}; a test calls {@link #attach}
 * before its assertions, and after the test, if it failed or timed out, each trace goes out as a
 * JUnit report entry under {@value #ENTRY} (a case of a parameterized test that passed publishes
 * none, so it cannot take the places of a failed case's). Both grading paths' listeners
 * ({@link TestRecorder}) file it under the test's key; a passed test's traces are dropped.
 *
 * <p>A trace is a JSON object whose {@code kind} names its drawing ({@code socketlabs.grading.html.Diagrams}):
 * {@code "transfer"} (lab03's segments in time), {@code "ping"} (lab03's pings and replies), {@code "scan"} (lab01's
 * port states), {@code "bytes"} (expected and actual bytes), {@code "exchange"} (lab02's writes and reads of a
 * connection, recorded with {@link Wire}) and {@code "http"} (lab02's HTTP request and response).
 */
public final class Trace implements BeforeEachCallback, AfterEachCallback {
    /** The report entry's key. */
    public static final String ENTRY = "socketlabs.trace";
    /** A trace longer than this (characters of JSON) is not kept: a page stays small. */
    public static final int MAX_CHARS = 100_000;
    /** At most this many traces a test. */
    public static final int MAX_TRACES = 4;

    // The traces of the test running in this thread. Tests run side by side, so each has its own list:
    // set before the test, in the thread that then starts the test's own (the time-out's thread, and
    // any the test starts), which inherit it.
    private static final InheritableThreadLocal<List<String>> PENDING = new InheritableThreadLocal<>();

    /** Attaches {@code trace} (a JSON object with a {@code kind}) to the test running now. */
    public static void attach(Map<String, Object> trace) {
        List<String> pending = PENDING.get();
        if (pending == null) {
            return; // not in a test whose class has @ExtendWith(Trace.class)
        }
        String json = Json.write(trace).replace("\n", " ");
        synchronized (pending) {
            if (json.length() <= MAX_CHARS && pending.size() < MAX_TRACES) {
                pending.add(json);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        PENDING.set(new ArrayList<>());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> pending = PENDING.get();
        PENDING.remove();
        List<String> traces;
        if (pending == null) {
            return;
        }
        synchronized (pending) {
            traces = new ArrayList<>(pending);
        }
        if (context.getExecutionException().isPresent()) { // a passed case keeps nothing
            traces.forEach(t -> context.publishReportEntry(ENTRY, t));
        }
    }
}
