package socketlabs.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records every test of this JVM as it runs and rewrites the results after each one, so that a
 * crash or a {@code System.exit} in the code under test still leaves every finished test's
 * result, marked as an unfinished run. Found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services}: a lab needs only the grading test dependency.
 *
 * <p>System properties: {@code grading.dir} (default {@code target/grading}), {@code grading.run}
 * (the id of the Maven run whose JVMs share one results file), {@code grading.summary}
 * ({@code false} when the Maven report step prints the table instead).
 */
public final class GradingListener implements TestExecutionListener {
    static final String EXITED = "The test JVM ended while this test was running: the code under test ran out of memory"
            + " (the tests run with -Xmx1g), called Runtime.halt(), or crashed the JVM. Tests after it in the same class did not run.";
    /** How long an exit called by the code under test is held (longer than any test may run). */
    static final java.time.Duration HOLD_EXIT = java.time.Duration.ofMinutes(10);

    private static final String TITLE = System.getProperty("grading.title", "tests");
    private final Path dir = Path.of(System.getProperty("grading.dir", "target/grading"));
    private final boolean shared = System.getProperty("grading.run") != null;
    private final String self = System.currentTimeMillis() + "-" + ProcessHandle.current().pid();
    // outside Maven (an IDE run) this JVM is the whole run
    private final String run = shared ? System.getProperty("grading.run") : "local-" + self;
    private final String part = run + "-" + self;

    private final Map<String, GradedTest> tests = new LinkedHashMap<>();
    private final Map<String, String> keyOfId = new HashMap<>();
    private TestPlan plan;
    private GradedTest running;
    private GradedTest exited;
    private boolean finished;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        Results.deleteStaleParts(dir, run);
        for (TestIdentifier root : testPlan.getRoots()) {
            register(root);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::onExit, "grading-results-on-exit"));
        save();
    }

    private void register(TestIdentifier id) {
        Optional<MethodSource> method = TestFacts.methodSource(id);
        boolean parentIsMethod = plan.getParent(id).flatMap(TestFacts::methodSource).isPresent();
        if (method.isPresent() && !parentIsMethod) {
            MethodSource m = method.get();
            String key = m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
            tests.computeIfAbsent(key, k -> new GradedTest(k, TestFacts.taskOf(plan, id), id.getDisplayName(), TestFacts.points(m), TestFacts.hidden(m)));
            keyOfId.put(id.getUniqueId(), key);
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            register(child);
        }
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier id) {
        // dynamic tests belong to the @TestFactory method that made them
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        GradedTest t = tests.get(keyOfId.get(id.getUniqueId()));
        if (t != null && !t.done()) {
            t.status = GradedTest.Status.RUNNING;
            running = t;
            save();
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        for (GradedTest t : testsAtOrBelow(id)) {
            t.status = GradedTest.Status.SKIPPED;
            t.output = reason == null ? "" : reason;
        }
        save();
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        GradedTest own = tests.get(keyOfId.get(id.getUniqueId()));
        TestExecutionResult.Status status = result.getStatus();
        if (own != null) {
            if (own == exited) {
                // already failed for calling System.exit; the timeout that followed says nothing new
            } else if (status == TestExecutionResult.Status.FAILED) {
                own.fail(TestFacts.describe(result.getThrowable().orElse(null)));
            } else if (status == TestExecutionResult.Status.ABORTED && own.status != GradedTest.Status.FAILED) {
                own.status = GradedTest.Status.SKIPPED;
                own.output = "skipped: " + result.getThrowable().map(Throwable::getMessage).orElse("assumption not met");
            } else if (own.status != GradedTest.Status.FAILED) {
                own.status = GradedTest.Status.PASSED;
            }
            if (running == own) {
                running = null;
            }
        } else {
            GradedTest parent = owningTest(id);
            if (parent != null) {
                // one invocation of a parameterized, repeated or dynamic test: a failure fails the whole method
                if (status != TestExecutionResult.Status.SUCCESSFUL) {
                    parent.fail("[" + id.getDisplayName() + "] " + TestFacts.describe(result.getThrowable().orElse(null)));
                }
            } else if (status != TestExecutionResult.Status.SUCCESSFUL) {
                // a class or engine that could not run (failed @BeforeAll, constructor, static init)
                for (GradedTest t : testsAtOrBelow(id)) {
                    if (!t.done()) {
                        t.fail("could not run: " + TestFacts.describe(result.getThrowable().orElse(null)));
                    }
                }
            }
        }
        save();
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        finished = true;
        for (GradedTest t : tests.values()) {
            if (!t.done()) {
                t.fail("did not run to the end");
            }
        }
        save();
        if (!"false".equals(System.getProperty("grading.summary"))) {
            System.out.println(Results.collect(dir, run).summary(TITLE, true));
        }
    }

    /**
     * Runs when the JVM starts to shut down. After the last test that is the normal end. While a
     * test runs it is the code under test calling {@code System.exit}: the exit is recorded as that
     * test's failure, and the exiting thread is held here so that the JVM stays up, the default
     * timeout fails the test, and every remaining test still runs. (Surefire ends the JVM itself
     * at the end of the run, with a halt.) A shutdown from a signal is recorded and let through.
     */
    private void onExit() {
        String caller = exitCaller();
        synchronized (this) {
            if (finished) {
                return;
            }
            if (running == null || caller == null) {
                for (GradedTest t : tests.values()) {
                    if (t == running) {
                        t.fail(EXITED);
                    } else if (!t.done()) {
                        t.status = GradedTest.Status.NOT_RUN;
                        t.output = "the test JVM ended during \""
                                + (running == null ? "set-up" : running.fullName()) + "\"";
                    }
                }
                save();
                return;
            }
            exited = running;
            running.fail("The code under test called System.exit() (" + caller + "). Code under test must return or"
                    + " throw, never end the JVM: the tests (and a server's other clients) depend on it.");
            save();
        }
        try {
            Thread.sleep(HOLD_EXIT.toMillis()); // the one place a pause belongs: holding an exit so the run goes on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Who called System.exit or Runtime.exit, or null when the shutdown came from a signal. */
    private static String exitCaller() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (int i = 0; i < stack.length; i++) {
                if (stack[i].getClassName().equals("java.lang.Terminator$1")) {
                    break; // SIGTERM, SIGINT: a real shutdown
                }
                if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                    for (int j = i + 1; j < stack.length; j++) {
                        String cls = stack[j].getClassName();
                        if (cls.startsWith("org.apache.maven.surefire.")) {
                            return null; // the test runner ending the JVM, after an OutOfMemoryError for one
                        }
                        if (!cls.equals("java.lang.System")) {
                            return "called at " + stack[j];
                        }
                    }
                    return "called";
                }
            }
        }
        return null;
    }

    private void save() {
        try {
            Results.writePart(dir, run, part, finished, new ArrayList<>(tests.values()));
            Results.collect(dir, run).writeResultsJson(dir, TITLE);
        } catch (RuntimeException e) {
            System.err.println("grading: cannot write results to " + dir.toAbsolutePath() + ": " + e);
        }
    }

    private GradedTest owningTest(TestIdentifier id) {
        Optional<TestIdentifier> p = plan.getParent(id);
        while (p.isPresent()) {
            GradedTest t = tests.get(keyOfId.get(p.get().getUniqueId()));
            if (t != null) {
                return t;
            }
            p = plan.getParent(p.get());
        }
        return null;
    }

    private List<GradedTest> testsAtOrBelow(TestIdentifier id) {
        List<GradedTest> found = new ArrayList<>();
        GradedTest own = tests.get(keyOfId.get(id.getUniqueId()));
        if (own != null) {
            found.add(own);
            return found;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            found.addAll(testsAtOrBelow(child));
        }
        return found;
    }
}
