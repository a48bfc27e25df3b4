package socketlabs.grading;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One graded unit: a test method (all invocations of a parameterized or repeated test together),
 * with its task, points and outcome.
 */
public final class GradedTest {
    /** Where a test stands; only {@link #PASSED} earns points. */
    public enum Status {
        NOT_RUN, RUNNING, PASSED, FAILED, SKIPPED;

        String json() {
            return name().toLowerCase().replace('_', ' ');
        }

        static Status of(String json) {
            return valueOf(json.toUpperCase().replace(' ', '_'));
        }
    }

    final String key;
    final String task;
    final String name;
    final int maxScore;
    final boolean hidden;
    Status status = Status.NOT_RUN;
    String output = "";

    GradedTest(String key, String task, String name, int maxScore, boolean hidden) {
        this.key = key;
        this.task = task;
        this.name = name;
        this.maxScore = maxScore;
        this.hidden = hidden;
    }

    /** True for an instructor's hidden test (see {@link Hidden}). */
    public boolean hidden() {
        return hidden;
    }

    public String task() {
        return task;
    }

    public String name() {
        return name;
    }

    public int maxScore() {
        return maxScore;
    }

    public Status status() {
        return status;
    }

    public String output() {
        return output;
    }

    public int score() {
        return status == Status.PASSED ? maxScore : 0;
    }

    /** The name shown to students and in results.json: task, then the requirement. */
    public String fullName() {
        return task.isEmpty() ? name : task + " › " + name;
    }

    boolean done() {
        return status == Status.PASSED || status == Status.FAILED || status == Status.SKIPPED;
    }

    void fail(String message) {
        status = Status.FAILED;
        output = output.isEmpty() ? message : output + "\n" + message;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("task", task);
        m.put("name", name);
        m.put("max_score", maxScore);
        m.put("hidden", hidden);
        m.put("status", status.json());
        m.put("output", output);
        return m;
    }

    static GradedTest fromJson(Map<?, ?> m) {
        GradedTest t = new GradedTest((String) m.get("key"), (String) m.get("task"), (String) m.get("name"),
                ((Number) m.get("max_score")).intValue(), Boolean.TRUE.equals(m.get("hidden")));
        t.status = Status.of((String) m.get("status"));
        t.output = (String) m.get("output");
        return t;
    }
}
