package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path dir;

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
        Results.writePart(dir, "r1", "r1-2", false, List.of(running));
        Results r = run(test("done", 1, GradedTest.Status.PASSED));
        assertEquals(2, r.tests().size());
        assertEquals(1, r.score());
        assertEquals(2, r.maxScore());
        assertEquals(false, r.finished());
        GradedTest crashed = r.tests().stream().filter(t -> t.name().equals("was running")).findFirst().orElseThrow();
        assertEquals(GradedTest.Status.FAILED, crashed.status());
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
