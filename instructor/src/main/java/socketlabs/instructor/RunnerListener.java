package socketlabs.instructor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import socketlabs.grading.TestFacts;

/**
 * Inside a grading test JVM: turns JUnit's events into the grader's events, one graded unit per
 * test method (a parameterized or repeated test's invocations together, as the grading module
 * counts them). Keys are the grading module's: {@code class#method(parameter types)}.
 */
final class RunnerListener implements TestExecutionListener {

    /** A graded unit as discovered: its key, task, name, points and whether it is hidden. */
    record Described(String className, String key, String task, String name, int points, boolean hidden) {
    }

    private final Consumer<Map<String, Object>> emit;
    private final Map<String, String> keyOfId = new HashMap<>();
    private final Map<String, List<String>> failures = new HashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();
    private TestPlan plan;

    RunnerListener(Consumer<Map<String, Object>> emit) {
        this.emit = emit;
    }

    static List<Described> describeAll(TestPlan plan) {
        List<Described> out = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, out, null);
        }
        return out;
    }

    private static void collect(TestPlan plan, TestIdentifier id, List<Described> out, Map<String, String> keys) {
        Optional<MethodSource> method = TestFacts.methodSource(id);
        boolean parentIsMethod = plan.getParent(id).flatMap(TestFacts::methodSource).isPresent();
        if (method.isPresent() && !parentIsMethod) {
            MethodSource m = method.get();
            String key = keyOf(m);
            out.add(new Described(m.getClassName(), key, TestFacts.taskOf(plan, id), id.getDisplayName(), TestFacts.points(m), TestFacts.hidden(m)));
            if (keys != null) {
                keys.put(id.getUniqueId(), key);
            }
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            collect(plan, child, out, keys);
        }
    }

    static String keyOf(MethodSource m) {
        return m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots()) {
            collect(testPlan, root, new ArrayList<>(), keyOfId);
        }
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        String key = keyOfId.get(id.getUniqueId());
        if (key != null) {
            send("start", key, null, null);
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        for (String key : keysAtOrBelow(id)) {
            end(key, "skipped", reason == null ? "skipped" : "skipped: " + reason);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String key = keyOfId.get(id.getUniqueId());
        TestExecutionResult.Status status = result.getStatus();
        Throwable thrown = result.getThrowable().orElse(null);
        if (key != null) {
            List<String> failed = failures.getOrDefault(key, List.of());
            if (status == TestExecutionResult.Status.FAILED) {
                List<String> all = new ArrayList<>(failed);
                all.add(TestFacts.describe(thrown));
                end(key, "failed", String.join("\n", all));
            } else if (!failed.isEmpty()) {
                end(key, "failed", String.join("\n", failed));
            } else if (status == TestExecutionResult.Status.ABORTED) {
                end(key, "skipped", "skipped: " + (thrown == null ? "assumption not met" : thrown.getMessage()));
            } else {
                end(key, "passed", "");
            }
            return;
        }
        String owner = owningKey(id);
        if (owner != null) {
            // one invocation of a parameterized, repeated or dynamic test: a failure fails the whole method
            if (status != TestExecutionResult.Status.SUCCESSFUL) {
                failures.computeIfAbsent(owner, k -> new ArrayList<>()).add("[" + id.getDisplayName() + "] " + TestFacts.describe(thrown));
            }
        } else if (status != TestExecutionResult.Status.SUCCESSFUL) {
            // a class that could not run (failed @BeforeAll, constructor, static initializer)
            for (String k : keysAtOrBelow(id)) {
                end(k, "failed", "could not run: " + TestFacts.describe(thrown));
            }
        }
    }

    private void end(String key, String status, String output) {
        if (finished.add(key)) {
            send("end", key, status, output);
        }
    }

    private void send(String event, String key, String status, String output) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", event);
        m.put("key", key);
        if (status != null) {
            m.put("status", status);
            m.put("output", output.length() > 4000 ? output.substring(0, 4000) + " [...]" : output);
        }
        emit.accept(m);
    }

    private String owningKey(TestIdentifier id) {
        Optional<TestIdentifier> p = plan.getParent(id);
        while (p.isPresent()) {
            String key = keyOfId.get(p.get().getUniqueId());
            if (key != null) {
                return key;
            }
            p = plan.getParent(p.get());
        }
        return null;
    }

    private List<String> keysAtOrBelow(TestIdentifier id) {
        List<String> found = new ArrayList<>();
        String own = keyOfId.get(id.getUniqueId());
        if (own != null) {
            found.add(own);
            return found;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            found.addAll(keysAtOrBelow(child));
        }
        return found;
    }
}
