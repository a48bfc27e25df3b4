package socketlabs.instructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;

/**
 * Runs one lab's compiled tests against a submission: each test class in a JVM of its own under the
 * {@link Limits}; when a JVM ends early, the test it was running fails with the reason and a fresh
 * JVM runs the tests after it. Outcomes come only from the JVMs' signed {@link Event}s.
 */
final class LabRun {
    private final Lab lab;
    private final Limits limits;
    private final Runnable checkCourse;
    private final Map<String, GradedTest> results = new LinkedHashMap<>();

    /** {@code checkCourse} runs after every JVM: it throws when the course's own files changed. */
    LabRun(Lab lab, Limits limits, Runnable checkCourse) {
        this.lab = lab;
        this.limits = limits;
        this.checkCourse = checkCourse;
    }

    /** The catalogue's tests with their outcomes, or null when the code under test changed the compiled tests. */
    List<GradedTest> run(Path work, Path classes, Path testClasses, List<String> flags) {
        Integrity compiled = Integrity.of(List.of(classes, testClasses));
        Path dir = work.resolve("run");
        Path tmp = work.resolve("tmp");
        Fs.mkdirs(dir);
        Fs.mkdirs(tmp);
        List<Path> cp = new ArrayList<>();
        cp.add(Course.toolkitClasses());
        cp.addAll(lab.deps());
        cp.add(testClasses);
        cp.add(classes); // last: nothing the student writes can shadow a test or the grading code
        List<String> config = new ArrayList<>(List.of("junit.jupiter.extensions.autodetection.enabled=false"));
        if (limits.testTimeout() != null) {
            config.add("junit.jupiter.execution.timeout.default=" + limits.testTimeout());
        }
        long labDeadline = System.nanoTime() + limits.labSeconds() * 1_000_000_000L;
        for (String testClass : lab.testClasses()) {
            Set<String> remaining = lab.catalogue().stream().filter(t -> t.className().equals(testClass))
                    .map(GradedTest::key).collect(Collectors.toCollection(LinkedHashSet::new));
            boolean first = true;
            while (!remaining.isEmpty()) {
                long left = (labDeadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    failAll(remaining, EndWording.labTimeUsedUp(limits));
                    break;
                }
                List<String> args = new ArrayList<>(List.of("run", String.valueOf(limits.maxThreads()), testClasses.toString(), testClass));
                args.addAll(config);
                long limitMillis = Math.min(limits.classSeconds() * 1000L, left);
                TestJvm.Outcome o = TestJvm.run(TestJvm.command(TestJvm.gradingFlags(limits, tmp), cp, args), dir,
                        first ? "*" : String.join("\t", remaining), limitMillis);
                checkCourse.run();
                List<String> changed = compiled.changes();
                if (!changed.isEmpty()) {
                    // the code under test rewrote what the next JVM would load: nothing in this lab counts
                    flags.add("the code under test changed compiled classes while the tests ran: " + changed);
                    return null;
                }
                first = false;
                readOutcome(o, remaining, limitMillis);
            }
        }
        return lab.catalogue().stream().map(t -> results.getOrDefault(t.key(), t.withOutcome(GradedTest.Status.NOT_RUN, "not run")))
                .collect(Collectors.toList());
    }

    private void readOutcome(TestJvm.Outcome o, Set<String> remaining, long limitMillis) {
        String runningKey = null;
        boolean threadLimit = false;
        for (Event e : o.events()) {
            if (e instanceof Event.Started s && remaining.contains(s.key())) {
                runningKey = s.key();
            } else if (e instanceof Event.Ended end && remaining.remove(end.key())) {
                results.put(end.key(), lab.test(end.key()).withOutcome(end.status(), end.output()));
                if (end.key().equals(runningKey)) {
                    runningKey = null;
                }
            } else if (e instanceof Event.ThreadLimit) {
                threadLimit = true;
            }
        }
        if (o.done()) {
            failAll(remaining, EndWording.NOT_RUN_BY_JVM);
            return;
        }
        String why = EndWording.whyEnded(o, limits, threadLimit, limitMillis);
        if (runningKey != null) {
            remaining.remove(runningKey);
            results.put(runningKey, lab.test(runningKey).withOutcome(GradedTest.Status.FAILED, why));
        } else {
            failAll(remaining, "could not run: " + why);
        }
    }

    private void failAll(Set<String> keys, String output) {
        for (String k : keys) {
            results.put(k, lab.test(k).withOutcome(GradedTest.Status.FAILED, output));
        }
        keys.clear();
    }
}
