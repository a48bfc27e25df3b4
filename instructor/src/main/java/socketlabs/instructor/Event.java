package socketlabs.instructor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;

/**
 * What a test JVM's {@link TestRunner} tells the grader, one event per signed {@link Channel} line.
 * Written as JSON on the wire, typed at both ends: {@link #toJson} in the test JVM, {@link #parse}
 * in the grader, which drops anything that is not one of these.
 */
sealed interface Event {
    /** A graded test found by {@code TestRunner list}, not run. */
    record Listed(GradedTest test) implements Event {
    }

    /** A test started to run: a JVM that ends now is charged to it. */
    record Started(String key) implements Event {
    }

    /** A test's outcome: its key, status and output ({@link GradedTest#toJson}, points not trusted). */
    record Ended(String key, GradedTest.Status status, String output, List<String> traces) implements Event {
        Ended(String key, GradedTest.Status status, String output) {
            this(key, status, output, List.of());
        }
    }

    /** The code under test had more threads alive than the limit; the JVM ends itself next. */
    record ThreadLimit(int count) implements Event {
    }

    /** The runner reached its end. */
    record Done() implements Event {
    }

    default String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (this instanceof Listed l) {
            m.put("e", "test");
            m.putAll(l.test().toJson());
        } else if (this instanceof Started s) {
            m.put("e", "start");
            m.put("key", s.key());
        } else if (this instanceof Ended e) {
            m.put("e", "end");
            m.put("key", e.key());
            m.put("status", e.status().json());
            m.put("output", e.output());
            if (!e.traces().isEmpty()) {
                m.put("traces", e.traces());
            }
        } else if (this instanceof ThreadLimit t) {
            m.put("e", "limit");
            m.put("count", t.count());
        } else {
            m.put("e", "done");
        }
        return Json.write(m).replace("\n", " ");
    }

    /** The event a verified line carries, or null for anything else. */
    static Event parse(String json) {
        try {
            if (!(Json.parse(json) instanceof Map<?, ?> m)) {
                return null;
            }
            return switch (String.valueOf(m.get("e"))) {
                case "test" -> new Listed(GradedTest.fromJson(m));
                case "start" -> new Started((String) m.get("key"));
                case "end" -> new Ended((String) m.get("key"), GradedTest.Status.of((String) m.get("status")),
                        (String) m.get("output"), m.get("traces") instanceof List<?> l
                        ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of());
                case "limit" -> new ThreadLimit(((Number) m.get("count")).intValue());
                case "done" -> new Done();
                default -> null;
            };
        } catch (RuntimeException e) {
            return null; // cannot happen for a signed line; dropped all the same
        }
    }
}
