package socketlabs.instructor;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/**
 * Inside a grading test JVM: turns JUnit's events into the grader's events, one graded unit per
 * test method (a parameterized or repeated test's invocations together, as the grading module
 * counts them). Keys are the grading module's: {@code class#method(parameter types)}.
 */
final class RunnerListener implements TestExecutionListener {
    static final String TIMEOUT_HINT = "The code under test did not return in time. Usual causes: accept(), read() or"
            + " receive() on a socket with no timeout set, waiting for data the peer never sends, or a loop that never ends.";

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
        Optional<MethodSource> method = methodSource(id);
        boolean parentIsMethod = plan.getParent(id).flatMap(RunnerListener::methodSource).isPresent();
        if (method.isPresent() && !parentIsMethod) {
            MethodSource m = method.get();
            String key = keyOf(m);
            out.add(new Described(m.getClassName(), key, taskOf(plan, id), id.getDisplayName(), points(m), hidden(m)));
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
                all.add(describe(thrown));
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
                failures.computeIfAbsent(owner, k -> new ArrayList<>()).add("[" + id.getDisplayName() + "] " + describe(thrown));
            }
        } else if (status != TestExecutionResult.Status.SUCCESSFUL) {
            // a class that could not run (failed @BeforeAll, constructor, static initializer)
            for (String k : keysAtOrBelow(id)) {
                end(k, "failed", "could not run: " + describe(thrown));
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

    /** The task is the display name of the outermost test class ("Task 1 · Port numbers"). */
    private static String taskOf(TestPlan plan, TestIdentifier id) {
        String task = "";
        Optional<TestIdentifier> p = Optional.of(id);
        while (p.isPresent()) {
            TestSource source = p.get().getSource().orElse(null);
            if (source instanceof ClassSource) {
                task = p.get().getDisplayName();
            }
            p = plan.getParent(p.get());
        }
        return task;
    }

    private static int points(MethodSource m) {
        try {
            Method method = m.getJavaMethod();
            Points points = method.getAnnotation(Points.class);
            return points == null ? 0 : points.value();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    private static boolean hidden(MethodSource m) {
        try {
            for (Class<?> c = m.getJavaClass(); c != null; c = c.getEnclosingClass()) {
                if (c.isAnnotationPresent(Hidden.class)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Optional<MethodSource> methodSource(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    /** What students read for a failure: the assertion's message, or the exception and where it came from. */
    static String describe(Throwable e) {
        if (e == null) {
            return "failed";
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof TimeoutException || message.contains("timed out after")) {
            return "Timed out: " + message + ". " + TIMEOUT_HINT;
        }
        if (e instanceof AssertionError) {
            return message;
        }
        StringBuilder out = new StringBuilder(e.getClass().getName()).append(": ").append(message);
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0, shown = 0; i < trace.length && shown < 3; i++) {
            String cls = trace[i].getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.") && !cls.startsWith("org.junit.")) {
                out.append("\n  at ").append(trace[i]);
                shown++;
            }
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            out.append("\n  caused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return out.toString();
    }
}
