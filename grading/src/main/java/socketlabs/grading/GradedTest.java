package socketlabs.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One graded unit: a test method (all invocations of a parameterized or repeated test together),
 * with its task, points and outcome. Both grading paths speak of tests in this one shape: the lab
 * builds' {@link GradingListener} and the instructor's grader.
 */
public final class GradedTest {
    /** Where a test stands; only {@link #PASSED} earns points. */
    public enum Status {
        NOT_RUN, RUNNING, PASSED, FAILED, SKIPPED;

        /** The word results files and reports use: "passed", "not run". */
        public String json() {
            return name().toLowerCase().replace('_', ' ');
        }

        /** The key of this status's word in {@link Messages}: "status.passed", "status.not_run". */
        public String messageKey() {
            return "status." + name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String json) {
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
    /** What the test recorded of its run ({@link Trace}), JSON objects; kept for tests not passed. */
    final List<String> traces = new ArrayList<>();

    /**
     * A test not yet run. {@code key} is {@code class#method(parameter types)} (see {@link TestFacts#keyOf}),
     * {@code task} its class's task ("Task 1 · Port numbers"), {@code name} the requirement it checks.
     */
    public GradedTest(String key, String task, String name, int maxScore, boolean hidden) {
        this.key = key;
        this.task = task;
        this.name = name;
        this.maxScore = maxScore;
        this.hidden = hidden;
    }

    /** This test with an outcome: the catalogue's facts, the run's status and output. */
    public GradedTest withOutcome(Status status, String output) {
        GradedTest t = new GradedTest(key, task, name, maxScore, hidden);
        t.status = status;
        t.output = output;
        return t;
    }

    /** This test with the traces its run recorded (at most {@link Trace#MAX_TRACES}). */
    public GradedTest withTraces(List<String> recorded) {
        recorded.stream().limit(Trace.MAX_TRACES).forEach(traces::add);
        return this;
    }

    /** What the test recorded of its run, as JSON objects ({@link Trace}); empty for a passed test. */
    public List<String> traces() {
        return List.copyOf(traces);
    }

    public String key() {
        return key;
    }

    /** The top-level class the test is in (a nested class's tests belong to their outer class). */
    public String className() {
        String cls = key.substring(0, key.indexOf('#'));
        return cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
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

    public boolean passed() {
        return status == Status.PASSED;
    }

    public int score() {
        return passed() ? maxScore : 0;
    }

    /** The label shown to students and in results.json: task, then the requirement. */
    public String fullName() {
        return task.isEmpty() ? name : task + " › " + name;
    }

    public boolean done() {
        return status == Status.PASSED || status == Status.FAILED || status == Status.SKIPPED;
    }

    void fail(String message) {
        status = Status.FAILED;
        output = output.isEmpty() ? message : output + "\n" + message;
    }

    /** This test as an entry of Gradescope's {@code tests[]}, under the given name and output. */
    public Map<String, Object> gradescopeEntry(String shownName, String shownOutput) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", shownName);
        m.put("score", score());
        m.put("max_score", maxScore);
        m.put("status", passed() ? "passed" : "failed");
        m.put("output", shownOutput);
        m.put("visibility", hidden ? "after_published" : "visible");
        return m;
    }

    /** Every fact and the outcome, as the part files and the grader's events carry them. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("task", task);
        m.put("name", name);
        m.put("max_score", maxScore);
        m.put("hidden", hidden);
        m.put("status", status.json());
        m.put("output", output);
        if (!traces.isEmpty()) {
            m.put("traces", new ArrayList<>(traces));
        }
        return m;
    }

    public static GradedTest fromJson(Map<?, ?> m) {
        GradedTest t = new GradedTest((String) m.get("key"), (String) m.get("task"), (String) m.get("name"),
                ((Number) m.get("max_score")).intValue(), Boolean.TRUE.equals(m.get("hidden")));
        t.status = Status.of((String) m.get("status"));
        t.output = (String) m.get("output");
        if (m.get("traces") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).limit(Trace.MAX_TRACES).forEach(t.traces::add);
        }
        return t;
    }
}
