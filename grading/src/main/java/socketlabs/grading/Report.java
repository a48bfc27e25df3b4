package socketlabs.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The grading report step, run by Maven after a lab's tests: merges what every test JVM recorded
 * into {@code results.json}, prints the summary table, checks the tests' tasks ({@link Tasks}),
 * and decides the build.
 *
 * <pre>
 * Report DIR EXPECT TITLE RUN [--test-classes DIR] [--course ROOT] [--only TESTS] [--reports DIR]
 *   EXPECT = pass      a student's copy: the table and a one-line verdict; failing tests do not fail
 *                      the build (the table is the result, and Maven's error block would bury it)
 *   EXPECT = solution  every test must pass, and there must be tests (the solutions build)
 *   EXPECT = starter   every test with points must fail (the untouched starter code)
 *   --test-classes     the lab's compiled tests: when they exist but nothing was recorded, the
 *                      report step ran before the tests, which the build reports as an error
 *   --course ROOT      DIR and TITLE hold {lab}: one report for each lab of the course at ROOT
 *   --only TESTS       surefire's -Dtest filter of this run ("${test}" when none): the verdict says
 *                      that only some tests ran, never that the lab is done
 *   --reports DIR      where surefire wrote this run's report files, named for failures
 *   --resume-jvm OPTS  when a test JVM ended early, run the tests it had not reached in a fresh JVM
 *                      with these JVM options ({@link Resume}); "" for none
 * </pre>
 *
 * A failed verdict of the instructor's checks (solution, starter) is thrown as an exception,
 * which fails the Maven build with its message.
 */
public final class Report {
    // this run's -Dtest filter (null: every test ran) and surefire's report folder of this run
    static String only;
    static Path reports;
    // the JVM options of a fresh JVM for the tests after a crash; null: no fresh JVM
    static List<String> resumeJvm;

    private Report() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: Report DIR pass|solution|starter TITLE RUN [--test-classes DIR] [--course ROOT]");
        }
        Path testClasses = null;
        Path course = null;
        for (int i = 4; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--test-classes" -> testClasses = Path.of(args[i + 1]);
                case "--course" -> course = Path.of(args[i + 1]);
                // Maven passes an unset ${test} as null (or, elsewhere, as the text itself)
                case "--only" -> only = args[i + 1] == null || args[i + 1].isBlank() || args[i + 1].startsWith("${") ? null : args[i + 1];
                case "--reports" -> reports = Path.of(args[i + 1]);
                case "--resume-jvm" -> resumeJvm = args[i + 1] == null || args[i + 1].isBlank() ? List.of()
                        : List.of(args[i + 1].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> verdicts = new ArrayList<>();
        if (course == null) {
            verdicts.add(report(Path.of(args[0]), args[1], args[2], args[3], testClasses));
        } else {
            for (String lab : Labs.of(course)) {
                verdicts.add(report(Path.of(args[0].replace(Labs.LAB, lab)), args[1], args[2].replace(Labs.LAB, lab), args[3], null));
            }
        }
        verdicts.removeIf(String::isEmpty);
        socketlabs.grading.html.HtmlReport.written().forEach(page -> System.out.println(" " + Messages.current().get("report.page", page)));
        if (!verdicts.isEmpty()) {
            throw new IllegalStateException(String.join("\n", verdicts));
        }
    }

    /** Reports one lab's run; returns its verdict, empty when the run is as expected. */
    static String report(Path dir, String expect, String title, String run, Path testClasses) {
        Messages words = Messages.current();
        if (resumeJvm != null) {
            Resume.notReached(dir, run, Resume.properties(dir, title, run), resumeJvm, words);
        }
        Results results = Results.collect(dir, run);
        if (results.tests().isEmpty()) {
            if ("solution".equals(expect)) {
                return title + ": no tests ran, so nothing proves the lab's grading; are its tests in the lab's package"
                        + " (lab05-dns: socketlabs.lab05) and named *Test?";
            }
            if (testClasses != null && hasTests(testClasses) && !"pass".equals(expect)) {
                return title + ": the report step ran before the tests (nothing was recorded, yet " + testClasses
                        + " holds compiled tests). In the lab's pom.xml, list maven-failsafe-plugin (which runs a lab's tests) before"
                        + " exec-maven-plugin, as every lab's pom does.";
            }
            System.out.println(words.get("report.no.tests", title, dir));
            return "";
        }
        results.writeResultsJson(dir, title);
        socketlabs.grading.html.HtmlReport.write(dir, title, results);
        boolean starter = "starter".equals(expect);
        System.out.println(results.summary(starter ? words.get("summary.starter.title", title) : title, !starter, words));
        System.out.println(" " + words.get("report.results", dir.resolve(Results.RESULTS_FILE)));
        List<String> taskProblems = Tasks.problems(results.tests());
        if (!taskProblems.isEmpty() && !"pass".equals(expect)) {
            return title + ": tests that name their task wrongly:\n  - " + String.join("\n  - ", taskProblems);
        }
        System.out.println(counts(results, words));
        String verdict = verdict(results, expect, title, words);
        if (!verdict.isEmpty() && "pass".equals(expect)) {
            // a student's copy: the table above is the result; one line says it, no build error buries it
            if (reports != null && Files.isDirectory(reports)) {
                System.out.println(" " + words.get("report.surefire.files", reports));
            }
            System.out.println(" " + shortVerdict(results, title, words) + partial(results, words) + " "
                    + words.get("report.failures.above"));
            return "";
        }
        if (!verdict.isEmpty()) {
            return verdict;
        }
        List<GradedTest> skipped = results.tests().stream()
                .filter(t -> t.status() == GradedTest.Status.SKIPPED).collect(Collectors.toList());
        if (only != null && !starter) {
            System.out.println(" " + words.get("report.partial.passed", title, results.score(), results.maxScore())
                    + partial(results, words));
        } else if (starter) {
            System.out.println(" " + words.get("report.starter", title, results.score(), results.maxScore()));
        } else if (skipped.isEmpty()) {
            System.out.println(" " + words.get("report.all.passed", title, results.score(), results.maxScore()));
        } else {
            System.out.println(" " + words.get("report.passed.skipped", title, results.score(), results.maxScore(),
                    skipped.size(), skipped.stream().mapToInt(GradedTest::maxScore).sum()));
            skipped.forEach(t -> System.out.println("   - " + t.fullName() + ": " + t.output()));
        }
        return "";
    }

    /** How the table counts, where that differs from surefire's "Tests run". */
    static String counts(Results results, Messages words) {
        long skipped = results.tests().stream().filter(t -> t.status() == GradedTest.Status.SKIPPED).count();
        long warmUps = results.tests().stream().filter(t -> t.maxScore() == 0).count();
        return " " + words.get("report.counted", results.tests().size(),
                warmUps > 0 ? words.get("report.counted.warmups", warmUps) : "",
                skipped > 0 ? words.get("report.counted.skipped", skipped) : "");
    }

    /** A student's run that did not pass, in one sentence without its full stop: how many failed, or that it did not finish. */
    private static String shortVerdict(Results results, String title, Messages words) {
        long failed = results.tests().stream()
                .filter(t -> t.status() != GradedTest.Status.PASSED && t.status() != GradedTest.Status.SKIPPED).count();
        return failed > 0
                ? words.get("report.not.passed.short", title, failed, results.tests().size(), results.score(), results.maxScore())
                : words.get("report.unfinished.short", title);
    }

    /** Says that a -Dtest run graded some tests only; a full stop for a full run. */
    private static String partial(Results results, Messages words) {
        if (only == null) {
            return ".";
        }
        String tasks = results.tests().stream().map(GradedTest::task).filter(t -> !t.isEmpty()).distinct()
                .collect(Collectors.joining(", "));
        return words.get("report.partial", only, tasks.isEmpty() ? words.get("report.partial.no.task") : tasks);
    }

    private static boolean hasTests(Path testClasses) {
        if (!Files.isDirectory(testClasses)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(testClasses)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith("Test.class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty string when the run is as expected; otherwise what is wrong, for the build log. */
    static String verdict(Results results, String expect, String title) {
        return verdict(results, expect, title, Messages.of("en"));
    }

    static String verdict(Results results, String expect, String title, Messages words) {
        switch (expect) {
            case "pass":
            case "solution": {
                List<GradedTest> failed = results.tests().stream()
                        .filter(t -> t.status() != GradedTest.Status.PASSED && t.status() != GradedTest.Status.SKIPPED)
                        .collect(Collectors.toList());
                if (!failed.isEmpty()) {
                    return words.get("report.not.passed", title, failed.size(), results.tests().size(), results.score(),
                            results.maxScore());
                }
                if (!results.finished()) {
                    return words.get("report.unfinished", title);
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
