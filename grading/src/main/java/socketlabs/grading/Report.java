package socketlabs.grading;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The grading report step, run by Maven after a lab's tests: merges what every test JVM recorded
 * into {@code results.json}, prints the summary table, and decides the build.
 *
 * <pre>
 * Report DIR EXPECT TITLE RUN
 *   EXPECT = pass      every test must pass (a student's copy)
 *   EXPECT = solution  every test must pass, and there must be tests (the solutions build)
 *   EXPECT = starter   every test with points must fail (the untouched starter code)
 * </pre>
 *
 * A failed verdict is thrown as an exception, which fails the Maven build with its message.
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: Report DIR pass|solution|starter TITLE RUN");
        }
        Path dir = Path.of(args[0]);
        String expect = args[1];
        String title = args[2];
        Results results = Results.collect(dir, args[3]);
        if (results.tests().isEmpty()) {
            if ("solution".equals(expect)) {
                throw new IllegalStateException(title + ": no tests ran, so nothing proves the lab's grading; check this"
                        + " lab's surefire execution (its includes) in solutions/pom.xml.");
            }
            System.out.println(title + ": no graded tests ran (nothing recorded in " + dir + ").");
            return;
        }
        results.writeResultsJson(dir, title);
        boolean starter = "starter".equals(expect);
        System.out.println(results.summary(starter ? title + " (starter check)" : title, !starter));
        System.out.println(" results: " + dir.resolve(Results.RESULTS_FILE));
        String verdict = verdict(results, expect, title);
        if (!verdict.isEmpty()) {
            throw new IllegalStateException(verdict);
        }
        List<GradedTest> skipped = results.tests().stream()
                .filter(t -> t.status() == GradedTest.Status.SKIPPED).collect(Collectors.toList());
        if (starter) {
            System.out.println(" " + title + " starter: " + results.score() + "/" + results.maxScore()
                    + " points (0%): every graded test fails on the untouched starter code, as it must.");
        } else if (skipped.isEmpty()) {
            System.out.println(" " + title + ": every test passed, " + results.score() + "/" + results.maxScore() + " points (100%).");
        } else {
            System.out.println(" " + title + ": every test that ran passed, " + results.score() + "/" + results.maxScore()
                    + " points; " + skipped.size() + " skipped on this machine ("
                    + skipped.stream().mapToInt(GradedTest::maxScore).sum() + " points):");
            skipped.forEach(t -> System.out.println("   - " + t.fullName() + ": " + t.output()));
        }
    }

    /** An empty string when the run is as expected; otherwise what is wrong, for the build log. */
    static String verdict(Results results, String expect, String title) {
        switch (expect) {
            case "pass":
            case "solution": {
                List<GradedTest> failed = results.tests().stream()
                        .filter(t -> t.status() != GradedTest.Status.PASSED && t.status() != GradedTest.Status.SKIPPED)
                        .collect(Collectors.toList());
                if (!failed.isEmpty()) {
                    return title + ": " + failed.size() + " of " + results.tests().size() + " tests did not pass; score "
                            + results.score() + "/" + results.maxScore() + ". The summary above says what each expected.";
                }
                if (!results.finished()) {
                    return title + ": the run did not finish (a test JVM exited or crashed).";
                }
                return "";
            }
            case "starter": {
                List<GradedTest> free = results.tests().stream()
                        .filter(t -> t.maxScore() > 0 && t.status() == GradedTest.Status.PASSED)
                        .collect(Collectors.toList());
                if (!free.isEmpty()) {
                    return title + ": free points: " + free.size() + " graded test(s) pass on the untouched starter code, so"
                            + " they would give points for work not done:\n" + free.stream()
                            .map(t -> "  - " + t.fullName() + " (" + t.maxScore() + " points)")
                            .collect(Collectors.joining("\n"))
                            + "\nA graded test must fail on the starter. Fix the test, or take its points away if it is a warm-up.";
                }
                return "";
            }
            default:
                throw new IllegalArgumentException("EXPECT must be pass, solution or starter, not " + expect);
        }
    }
}
