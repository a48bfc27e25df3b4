package socketlabs.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.platform.engine.support.descriptor.ClassSource;
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
 * ({@code false} when the Maven report step prints the table instead), {@code grading.title}.
 * In the solutions build, which runs every lab's tests in one Maven execution, {@code grading.dir}
 * and {@code grading.title} hold {@value Labs#LAB}, replaced by the lab of the test class this JVM
 * runs (found under {@code grading.course}, the course's root folder).
 */
public final class GradingListener extends TestRecorder {
    static final String EXITED = "The test JVM ended while this test was running: the code under test ran out of memory"
            + " (the tests run with -Xmx1g), called Runtime.halt(), or crashed the JVM. Tests after it in the same class did not run.";
    /** How long an exit called by the code under test is held (longer than any test may run). */
    static final java.time.Duration HOLD_EXIT = java.time.Duration.ofMinutes(10);

    private final boolean shared = System.getProperty("grading.run") != null;
    private final String self = System.currentTimeMillis() + "-" + ProcessHandle.current().pid();
    // outside Maven (an IDE run) this JVM is the whole run
    private final String run = shared ? System.getProperty("grading.run") : "local-" + self;
    private final String part = run + "-" + self;

    private String title = System.getProperty("grading.title", "tests");
    private Path dir = Path.of(System.getProperty("grading.dir", "target/grading"));
    private GradedTest exited;
    private boolean finished;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        String course = System.getProperty("grading.course");
        String first = firstClass(testPlan);
        String lab = course == null || first == null ? null : Labs.labOfClass(Path.of(course), first);
        if (lab != null) {
            title = title.replace(Labs.LAB, lab);
            dir = Path.of(dir.toString().replace(Labs.LAB, lab));
        }
        Results.deleteStaleParts(dir, run);
        Runtime.getRuntime().addShutdownHook(new Thread(this::onExit, "grading-results-on-exit"));
        super.testPlanExecutionStarted(testPlan);
    }

    private static String firstClass(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof ClassSource c) {
                    return c.getClassName();
                }
            }
        }
        return null;
    }

    @Override
    protected boolean settled(GradedTest test) {
        return test == exited; // already failed for calling System.exit; the timeout that followed says nothing new
    }

    @Override
    protected void recorded() {
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
            System.out.println(Results.collect(dir, run).summary(title, true));
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
            Results.collect(dir, run).writeResultsJson(dir, title);
        } catch (RuntimeException e) {
            System.err.println("grading: cannot write results to " + dir.toAbsolutePath() + ": " + e);
        }
    }
}
