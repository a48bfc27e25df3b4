package socketlabs.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * and {@code grading.title} hold {@value Labs#LAB}, replaced by the lab of each test's class (found
 * under {@code grading.course}, the course's root folder): one JVM writes a part for each lab.
 */
public final class GradingListener extends TestRecorder {
    static final String EXITED = "The test JVM ended while this test was running: the code under test ran out of memory"
            + " (the tests run with -Xmx1g), called Runtime.halt(), or crashed the JVM. The tests after it ran in a fresh JVM.";
    static final String IN_FLIGHT = "not reached: the test JVM ended while this test ran side by side with others, so"
            + " which of them ended it is not known; it runs again, on its own, in a fresh JVM";
    /** How long an exit called by the code under test is held (longer than any test may run). */
    static final java.time.Duration HOLD_EXIT = java.time.Duration.ofMinutes(10);

    private final boolean shared = System.getProperty("grading.run") != null;
    private final String self = System.currentTimeMillis() + "-" + ProcessHandle.current().pid();
    // outside Maven (an IDE run) this JVM is the whole run
    private final String run = shared ? System.getProperty("grading.run") : "local-" + self;
    private final String part = run + "-" + self;

    private final String title = System.getProperty("grading.title", "tests");
    private final String dir = System.getProperty("grading.dir", "target/grading");
    private final String course = System.getProperty("grading.course");
    private final Map<String, String> labOfClass = new HashMap<>();
    // the labs whose results changed since they were last written
    private final Set<String> changed = new HashSet<>();
    private boolean hooked;
    // a Maven lab run, whose report step runs the tests after an early end in a fresh JVM (Resume)
    private final boolean resumable = Boolean.getBoolean("grading.resumable");
    // a test's code may run on after it ended: cut off by a time-out, or holding an exit
    private boolean unfit;
    private boolean planNew;
    private final Set<GradedTest> exited = new HashSet<>();
    private boolean finished;
    private GradedTest lastEnded;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        planNew = true;
        super.testPlanExecutionStarted(testPlan);
        for (String lab : labs()) {
            Results.deleteStaleParts(dirOf(lab), run);
        }
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::onExit, "grading-results-on-exit"));
        }
    }

    /**
     * The lab a test belongs to: in the solutions build ({@code grading.course} set), which runs
     * every lab's tests, the lab of its class, whose results go to that lab's folder; otherwise
     * the one lab of this run, "".
     */
    private String labOf(GradedTest test) {
        if (course == null) {
            return "";
        }
        String className = test.key.substring(0, test.key.indexOf('#'));
        return labOfClass.computeIfAbsent(className, c -> {
            String lab = Labs.labOfClass(Path.of(course), c);
            return lab == null ? "" : lab;
        });
    }

    private Set<String> labs() {
        Set<String> labs = new TreeSet<>();
        tests.values().forEach(t -> labs.add(labOf(t)));
        return labs;
    }

    private Path dirOf(String lab) {
        return Path.of(lab.isEmpty() ? dir : dir.replace(Labs.LAB, lab));
    }

    private String titleOf(String lab) {
        return lab.isEmpty() ? title : title.replace(Labs.LAB, lab);
    }

    @Override
    protected void started(GradedTest test) {
        changed.add(labOf(test));
    }

    @Override
    protected void ended(GradedTest test) {
        changed.add(labOf(test));
        lastEnded = test;
    }

    /**
     * After a test that JUnit's time-out cut off (its thread, and any it started, may still spin or
     * block) or that called {@code System.exit} (held, the JVM shutting down), the tests after it
     * would run in a JVM that code under test still disturbs. Where the report step resumes a run
     * ({@code grading.resumable}), this JVM then ends, its results saved, and the tests it had not
     * reached run in a fresh one ({@link Resume}): the misbehaving test costs only itself.
     */
    @Override
    public synchronized void executionFinished(org.junit.platform.launcher.TestIdentifier id,
            org.junit.platform.engine.TestExecutionResult result) {
        if (result.getThrowable().filter(TestFacts::isTimeout).isPresent()) {
            unfit = true;
        }
        int before = running.size();
        super.executionFinished(id, result);
        boolean aTestEnded = running.size() < before;
        if (resumable && (unfit || !exited.isEmpty()) && aTestEnded && !finished
                && tests.values().stream().anyMatch(t -> !t.done())) {
            endForAFreshJvm("the test JVM ends after \"" + lastEnded.fullName() + "\" (its code may still run);"
                    + " the tests after it run in a fresh JVM");
        }
    }

    /**
     * Saves the results with the tests still running marked as not reached (they run again in a
     * fresh JVM, one at a time, {@link Resume}) and ends this JVM at once.
     */
    private void endForAFreshJvm(String why) {
        for (GradedTest t : tests.values()) {
            if (t.status == GradedTest.Status.RUNNING) {
                t.status = GradedTest.Status.NOT_RUN;
                t.output = IN_FLIGHT;
            }
        }
        save(labs());
        System.out.println("grading: " + why);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    @Override
    protected boolean settled(GradedTest test) {
        return exited.contains(test); // already failed for calling System.exit; the timeout that followed says nothing new
    }

    @Override
    protected void recorded() {
        if (planNew) {
            planNew = false;
            changed.addAll(labs()); // the plan itself: every lab's tests, not yet run
        }
        running.forEach(t -> changed.add(labOf(t))); // an invocation of a parameterized test may have failed one
        save(changed);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        finished = true;
        for (GradedTest t : tests.values()) {
            if (!t.done()) {
                t.fail("did not run to the end");
            }
        }
        save(labs());
        if (!"false".equals(System.getProperty("grading.summary"))) {
            for (String lab : labs()) {
                System.out.println(Results.collect(dirOf(lab), run).summary(titleOf(lab), true));
            }
        }
    }

    /**
     * Runs when the JVM starts to shut down. After the last test that is the normal end. While a
     * test runs it is the code under test calling {@code System.exit}: the exit is recorded as that
     * test's failure, and the exiting thread is held here so that the JVM stays up, the default
     * timeout fails the test, and every remaining test still runs. (Surefire ends the JVM itself
     * at the end of the run, with a halt.) A shutdown from a signal is recorded and let through.
     * When several tests run side by side (JUnit's parallel execution), an exit cannot be charged
     * to one of them: in a lab run ({@code grading.resumable}) the JVM ends at once, those tests
     * marked not reached, and they run again one at a time in a fresh JVM ({@link Resume}). In a
     * lab run with one test running, the exit fails it and the JVM ends at once too: the tests
     * after it run in a fresh JVM, with no wait for the held test's time-out.
     */
    private void onExit() {
        String caller = exitCaller();
        synchronized (this) {
            if (finished) {
                return;
            }
            if (caller != null && running.size() > 1 && resumable) {
                // tests run side by side: which one called it is not known; they run again, one at a time
                endForAFreshJvm("the code under test called System.exit() while " + running.size() + " tests ran side by"
                        + " side; they run again, one at a time, in a fresh JVM");
            }
            if (running.isEmpty() || caller == null) {
                String during = running.isEmpty() ? "set-up" : running.iterator().next().fullName();
                for (GradedTest t : tests.values()) {
                    if (running.contains(t) && running.size() == 1) {
                        t.fail(EXITED);
                    } else if (running.contains(t)) {
                        t.status = GradedTest.Status.NOT_RUN;
                        t.output = IN_FLIGHT;
                    } else if (!t.done()) {
                        t.status = GradedTest.Status.NOT_RUN;
                        t.output = "the test JVM ended during \"" + during + "\"";
                    }
                }
                save(labs());
                return;
            }
            String side = running.size() == 1 ? "" : " (one of the " + running.size() + " tests running side by side did)";
            Set<String> labs = new HashSet<>();
            for (GradedTest t : List.copyOf(running)) {
                exited.add(t);
                t.fail("The code under test called System.exit() (" + caller + ")" + side + ". Code under test must return"
                        + " or throw, never end the JVM: the tests (and a server's other clients) depend on it.");
                labs.add(labOf(t));
            }
            if (resumable) {
                // the one test running called it: failed; the tests after it run in a fresh JVM, without
                // waiting for its time-out
                endForAFreshJvm("the code under test called System.exit() in \"" + exited.iterator().next().fullName()
                        + "\"; the tests after it run in a fresh JVM");
            }
            save(labs);
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

    /** Writes this JVM's part, and the merged results.json, of each of {@code labs}. */
    private void save(Set<String> labs) {
        for (String lab : List.copyOf(labs)) {
            Path at = dirOf(lab);
            try {
                List<GradedTest> own = new ArrayList<>();
                tests.values().stream().filter(t -> labOf(t).equals(lab)).forEach(own::add);
                Results.writePart(at, run, part, finished, own);
                Results.collect(at, run).writeResultsJson(at, titleOf(lab));
            } catch (RuntimeException e) {
                System.err.println("grading: cannot write results to " + at.toAbsolutePath() + ": " + e);
            }
        }
        changed.clear();
    }
}
