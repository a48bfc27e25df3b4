package socketlabs.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit's events into {@link GradedTest} outcomes, one graded unit per test method (the
 * invocations of a parameterized, repeated or dynamic test count together). The one tree walk
 * and the one set of status rules behind both grading paths: the lab builds' {@link GradingListener}
 * and the instructor's grader each add only what they do with an outcome.
 */
public abstract class TestRecorder implements TestExecutionListener {
    protected final Map<String, GradedTest> tests = new LinkedHashMap<>();
    private final Map<String, String> keyOfId = new HashMap<>();
    protected TestPlan plan;
    /**
     * The tests running now, in the order they started: tests run side by side (JUnit's parallel
     * execution), so a JVM's sudden end can be charged to a test only when one was running.
     */
    protected final java.util.Set<GradedTest> running = new java.util.LinkedHashSet<>();

    /** The graded units of a test plan, not yet run, in discovery order. */
    public static List<GradedTest> discover(TestPlan plan) {
        Map<String, GradedTest> found = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            walk(plan, root, found, new HashMap<>());
        }
        return new ArrayList<>(found.values());
    }

    private static void walk(TestPlan plan, TestIdentifier id, Map<String, GradedTest> tests, Map<String, String> keyOfId) {
        Optional<MethodSource> method = TestFacts.methodSource(id);
        boolean parentIsMethod = plan.getParent(id).flatMap(TestFacts::methodSource).isPresent();
        if (method.isPresent() && !parentIsMethod) {
            MethodSource m = method.get();
            String key = TestFacts.keyOf(m);
            tests.computeIfAbsent(key, k -> new GradedTest(k, TestFacts.taskOf(plan, id), id.getDisplayName(),
                    TestFacts.points(m), TestFacts.hidden(m)));
            keyOfId.put(id.getUniqueId(), key);
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            walk(plan, child, tests, keyOfId);
        }
    }

    /** Called after every event that may have changed a test. */
    protected abstract void recorded();

    /** Called when a test starts to run. */
    protected void started(GradedTest test) {
    }

    /** Called once a test has its final outcome (passed, failed or skipped). */
    protected void ended(GradedTest test) {
    }

    /** A test whose outcome is settled for good, whatever JUnit reports for it later. */
    protected boolean settled(GradedTest test) {
        return false;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots()) {
            walk(testPlan, root, tests, keyOfId);
        }
        recorded();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        GradedTest t = own(id);
        if (t != null && !t.done()) {
            t.status = GradedTest.Status.RUNNING;
            running.add(t);
            started(t);
            recorded();
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        for (GradedTest t : testsAtOrBelow(id)) {
            t.status = GradedTest.Status.SKIPPED;
            t.output = reason == null ? "" : reason;
            ended(t);
        }
        recorded();
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        GradedTest own = own(id);
        TestExecutionResult.Status status = result.getStatus();
        Throwable thrown = result.getThrowable().orElse(null);
        if (own != null) {
            if (!settled(own)) {
                if (status == TestExecutionResult.Status.FAILED) {
                    own.fail(TestFacts.describe(thrown));
                } else if (status == TestExecutionResult.Status.ABORTED && own.status != GradedTest.Status.FAILED) {
                    own.status = GradedTest.Status.SKIPPED;
                    own.output = "skipped: " + (thrown == null ? "assumption not met" : thrown.getMessage());
                } else if (own.status != GradedTest.Status.FAILED) {
                    own.status = GradedTest.Status.PASSED;
                }
                Traces.settle(own, thrown);
                ended(own);
            }
            running.remove(own);
        } else {
            GradedTest parent = owningTest(id);
            if (parent != null) {
                // one invocation of a parameterized, repeated or dynamic test: a failure fails the whole method
                if (status != TestExecutionResult.Status.SUCCESSFUL) {
                    parent.fail("[" + id.getDisplayName() + "] " + TestFacts.describe(thrown));
                }
            } else if (status != TestExecutionResult.Status.SUCCESSFUL) {
                // a class or engine that could not run (failed @BeforeAll, constructor, static init)
                for (GradedTest t : testsAtOrBelow(id)) {
                    if (!t.done()) {
                        t.fail("could not run: " + TestFacts.describe(thrown));
                        ended(t);
                    }
                }
            }
        }
        recorded();
    }

    /** A {@link Trace} the test published: filed under its test, shown with its failure. */
    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        GradedTest t = own(id) != null ? own(id) : owningTest(id);
        String trace = entry.getKeyValuePairs().get(Trace.ENTRY);
        if (t != null && trace != null) {
            Traces.add(t, trace);
        }
    }

    private GradedTest own(TestIdentifier id) {
        String key = keyOfId.get(id.getUniqueId());
        return key == null ? null : tests.get(key);
    }

    private GradedTest owningTest(TestIdentifier id) {
        for (Optional<TestIdentifier> p = plan.getParent(id); p.isPresent(); p = plan.getParent(p.get())) {
            GradedTest t = own(p.get());
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private List<GradedTest> testsAtOrBelow(TestIdentifier id) {
        GradedTest own = own(id);
        if (own != null) {
            return List.of(own);
        }
        List<GradedTest> found = new ArrayList<>();
        for (TestIdentifier child : plan.getChildren(id)) {
            found.addAll(testsAtOrBelow(child));
        }
        return found;
    }
}
