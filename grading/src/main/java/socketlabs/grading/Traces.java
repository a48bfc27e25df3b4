package socketlabs.grading;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * Files the {@link Trace}s of a test on its result, and adds one that a failure carries by itself:
 * an assertion that compared bytes (byte arrays, or hex text such as {@code "45 00 00 1c"}) gives a
 * {@code "bytes"} trace, which the report page shows as aligned hex with the first difference marked.
 */
final class Traces {
    // "45 00 00 1c", perhaps followed by what a test's Hex helper adds when it cuts ("... (120 bytes)")
    private static final Pattern HEX = Pattern.compile("^\\s*((?:[0-9a-fA-F]{2})(?: [0-9a-fA-F]{2})*)(?:\\s*\\.\\.\\..*)?\\s*$",
            Pattern.DOTALL);

    private Traces() {
    }

    static void add(GradedTest t, String json) {
        if (json.length() <= Trace.MAX_CHARS && t.traces.size() < Trace.MAX_TRACES) {
            t.traces.add(json);
        }
    }

    /** A passed test keeps nothing; a failed one gets the bytes its assertion compared, if it compared bytes. */
    static void settle(GradedTest t, Throwable thrown) {
        if (t.status != GradedTest.Status.FAILED) {
            t.traces.clear();
            return;
        }
        Map<String, Object> bytes = bytesOf(thrown);
        if (bytes != null) {
            add(t, Json.write(bytes).replace("\n", " "));
        }
    }

    /** A {@code "bytes"} trace of the expected and actual values of a failed assertion, or null when they are not bytes. */
    static Map<String, Object> bytesOf(Throwable thrown) {
        if (!(thrown instanceof AssertionFailedError e) || !e.isExpectedDefined() || !e.isActualDefined()) {
            return null;
        }
        String expected = hex(e.getExpected());
        String actual = hex(e.getActual());
        if (expected == null || actual == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "bytes");
        m.put("expected", expected);
        m.put("actual", actual);
        return m;
    }

    // the value's bytes as hex without spaces, or null when the value is not bytes
    private static String hex(ValueWrapper v) {
        if (v == null) {
            return null;
        }
        if (v.getValue() instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (v.getValue() instanceof String s) {
            Matcher m = HEX.matcher(s);
            if (m.matches() && m.group(1).length() >= 5) { // two bytes at least: "ok" is no hex
                return m.group(1).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }
}
