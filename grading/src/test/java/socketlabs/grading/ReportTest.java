package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path dir;
    private String language;

    // these tests read the English words; a run that asks for Korean (a Korean handout's -Dgrading.lang=ko,
    // or a Korean locale) must not fail them
    @BeforeEach
    void inEnglish() {
        language = System.getProperty(Messages.PROPERTY);
        System.setProperty(Messages.PROPERTY, "en");
    }

    @AfterEach
    void languageAsItWas() {
        if (language == null) {
            System.clearProperty(Messages.PROPERTY);
        } else {
            System.setProperty(Messages.PROPERTY, language);
        }
    }

    private Results run(GradedTest... tests) {
        Results.writePart(dir, "r1", "r1-1", true, List.of(tests));
        return Results.collect(dir, "r1");
    }

    private static GradedTest test(String name, int points, GradedTest.Status status) {
        GradedTest t = new GradedTest("k#" + name, "Task 1 · Ports", name, points, false);
        t.status = status;
        return t;
    }

    @Test
    void aGradedTestThatPassesOnTheStarterIsNamedAsFreePoints() {
        Results r = run(test("classifies 80", 2, GradedTest.Status.PASSED), test("warm-up", 0, GradedTest.Status.PASSED),
                test("classifies 1023", 2, GradedTest.Status.FAILED));
        String verdict = Report.verdict(r, "starter", "lab01-ports");
        assertTrue(verdict.contains("free points") && verdict.contains("Task 1 · Ports › classifies 80"), verdict);
        assertTrue(!verdict.contains("› warm-up") && !verdict.contains("classifies 1023"), verdict);
    }

    @Test
    void theStarterCheckPassesWhenEveryGradedTestFails() {
        Results r = run(test("classifies 80", 2, GradedTest.Status.FAILED), test("warm-up", 0, GradedTest.Status.PASSED));
        assertEquals("", Report.verdict(r, "starter", "lab01-ports"));
    }

    @Test
    void aFailedTestFailsTheSolutionCheck() {
        Results r = run(test("classifies 80", 2, GradedTest.Status.PASSED), test("warm-up", 0, GradedTest.Status.FAILED));
        assertTrue(Report.verdict(r, "pass", "lab01-ports (solution)").contains("1 of 2 tests did not pass"));
    }

    @Test
    void partsOfOtherRunsAreIgnoredAndAnUnfinishedPartMarksTheRun() {
        GradedTest old = test("stale", 5, GradedTest.Status.PASSED);
        Results.writePart(dir, "r0", "r0-1", true, List.of(old));
        GradedTest running = test("was running", 1, GradedTest.Status.RUNNING);
        GradedTest notReached = test("not reached", 1, GradedTest.Status.NOT_RUN);
        Results.writePart(dir, "r1", "r1-2", false, List.of(running, notReached));
        Results r = run(test("done", 1, GradedTest.Status.PASSED));
        assertEquals(3, r.tests().size());
        assertEquals(1, r.score());
        assertEquals(3, r.maxScore());
        assertEquals(false, r.finished());
        GradedTest crashed = r.tests().stream().filter(t -> t.name().equals("was running")).findFirst().orElseThrow();
        assertEquals(GradedTest.Status.FAILED, crashed.status());
        assertEquals(List.of("k#not reached"), Results.notReached(dir, "r1").stream().map(t -> t.key).toList());
    }

    @Test
    @DisplayName("a test that a crashed JVM did not reach and a fresh JVM ran counts once, with the fresh JVM's outcome")
    void aTestRunAfterACrashCountsOnceWithItsOutcome() {
        GradedTest running = test("was running", 1, GradedTest.Status.RUNNING);
        GradedTest notReached = test("not reached", 2, GradedTest.Status.NOT_RUN);
        Results.writePart(dir, "r1", "r1-1", false, List.of(running, notReached));
        // the fresh JVM's part sorts before the crashed one's: the outcome wins, not the order of the files
        Results.writePart(dir, "r1", "r1-0", true, List.of(test("not reached", 2, GradedTest.Status.PASSED)));
        Results r = Results.collect(dir, "r1");
        assertEquals(List.of("k#not reached", "k#was running"), r.tests().stream().map(t -> t.key).sorted().toList());
        assertEquals(2, r.score());
        assertEquals(3, r.maxScore());
        assertTrue(r.finished(), "every test has an outcome: the run is complete, with the crashed test failed");
        assertTrue(Results.notReached(dir, "r1").isEmpty());
    }

    private String printed(Runnable r) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
            Report.only = null;
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aStudentsFailingRunEndsWithOneVerdictLineAndDoesNotFailTheBuild() {
        run(test("classifies 80", 2, GradedTest.Status.PASSED), test("classifies 1023", 2, GradedTest.Status.FAILED),
                test("warm-up", 0, GradedTest.Status.PASSED));
        String[] verdict = new String[1];
        String out = printed(() -> verdict[0] = Report.report(dir, "pass", "lab01-ports", "r1", null));
        assertEquals("", verdict[0], "a student's failing tests are the table's news, not a build error");
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.contains("1 of 3 tests did not pass; score 2/4"), out);
        assertEquals(1, out.split("classifies 1023", -1).length - 1, "the failure is printed once:\n" + out);
    }

    @Test
    void theTableSaysHowItCountsTestsUnlikeSurefire() {
        run(test("parses", 2, GradedTest.Status.PASSED), test("warm-up", 0, GradedTest.Status.PASSED),
                test("raw socket", 3, GradedTest.Status.SKIPPED));
        String out = printed(() -> Report.report(dir, "pass", "lab01-ports", "r1", null));
        assertTrue(out.contains("Counted: 3 tests, each once (a parameterized test is one test here")
                && out.contains("1 warm-ups worth 0 points") && out.contains("1 skipped"), out);
    }

    @Test
    void aRunOfSomeTestsSaysSoInsteadOfFullMarks() {
        run(test("classifies 80", 2, GradedTest.Status.PASSED));
        Report.only = "FramingTest";
        String out = printed(() -> Report.report(dir, "pass", "lab02-tcp", "r1", null));
        assertTrue(out.contains("only the tests chosen by -Dtest=FramingTest ran (Task 1 · Ports)"), out);
        assertTrue(!out.contains("100%"), out);
    }

    @Test
    void aCrashedRunPrintsTheTableWithTheCrashedTestAndItsReason() {
        GradedTest running = test("was running", 1, GradedTest.Status.RUNNING);
        Results.writePart(dir, "r1", "r1-2", false, List.of(running, test("not reached", 1, GradedTest.Status.NOT_RUN)));
        run(test("done", 1, GradedTest.Status.PASSED));
        String out = printed(() -> Report.report(dir, "pass", "lab01-ports", "r1", null));
        assertTrue(out.contains("[failed] Task 1 · Ports › was running") && out.contains(GradingListener.EXITED.substring(0, 40))
                && out.contains("The run did not finish"), out);
    }

    @Test
    void anUnsetTestFilterIsAFullRun() {
        run(test("classifies 80", 2, GradedTest.Status.PASSED));
        String[] unset = {dir.toString(), "pass", "lab01-ports", "r1", "--only", null, "--reports", dir.resolve("none").toString()};
        String out = printed(() -> Report.main(unset));
        assertTrue(out.contains("every test passed, 2/2 points (100%)"), out);
        String[] literal = {dir.toString(), "pass", "lab01-ports", "r1", "--only", "${test}"};
        assertTrue(printed(() -> Report.main(literal)).contains("(100%)"));
    }

    @Test
    void theTableSpeaksTheLanguageAskedForAndItsColumnsLineUp() {
        Results r = run(test("classifies 80", 2, GradedTest.Status.PASSED), test("classifies 1023", 3, GradedTest.Status.FAILED));
        String en = r.summary("lab01-ports", true, Messages.of("en"));
        assertTrue(en.contains("lab01-ports - grading summary") && en.contains(" Total ") && en.contains("[failed]"), en);
        String ko = r.summary("lab01-ports", true, Messages.of("ko"));
        assertTrue(ko.contains("lab01-ports - 채점 요약") && ko.contains(" 합계 ") && ko.contains("[실패]")
                && ko.contains("통과하지 못한 테스트 (1개):"), ko);
        assertTrue(ko.contains("Task 1 · Ports"), "task names are the tests' own: " + ko);
        // every row of the table ends in the same terminal column, Korean headings (two cells each) included
        List<Integer> ends = ko.lines().filter(l -> l.endsWith("/5") || l.endsWith("점수")).map(Messages::width).distinct().toList();
        assertEquals(1, ends.size(), ko);
        assertTrue(Report.verdict(r, "pass", "lab01-ports", Messages.of("ko")).contains("테스트 2개 중 1개를 통과하지 못했습니다"));
    }

    @Test
    void theLanguageComesFromTheProperty() {
        String before = System.getProperty(Messages.PROPERTY);
        try {
            System.setProperty(Messages.PROPERTY, "ko");
            assertEquals("ko", Messages.language());
            assertEquals("합계", Messages.current().get("summary.total"));
            System.setProperty(Messages.PROPERTY, "en");
            assertEquals("Total", Messages.current().get("summary.total"));
        } finally {
            if (before == null) {
                System.clearProperty(Messages.PROPERTY);
            } else {
                System.setProperty(Messages.PROPERTY, before);
            }
        }
    }
}
