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
}
