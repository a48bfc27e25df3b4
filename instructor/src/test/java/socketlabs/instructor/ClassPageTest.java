package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlabs.grading.GradedTest;

@DisplayName("the class page of tools/grade-class")
class ClassPageTest {
    private static final String HOSTILE = "eve<script>alert(1)<\\script>\"onmouseover=\"x";

    private static void grade(Path out, String student, boolean easy, boolean hard) {
        GradedTest a = new GradedTest("k#easy()", "Task 1 · Ports", "classifies 80", 2, false)
                .withOutcome(easy ? GradedTest.Status.PASSED : GradedTest.Status.FAILED, easy ? "" : "no");
        GradedTest b = new GradedTest("k#hard()", "Task 2 · Binding", "binds port 0", 3, false)
                .withOutcome(hard ? GradedTest.Status.PASSED : GradedTest.Status.FAILED, hard ? "" : "no");
        LabGrade lab = new LabGrade("lab01-ports", LabGrade.State.GRADED, List.of(a, b), null, List.of(), List.of(), 1.0);
        Feedback.write(new SubmissionGrade(student, List.of(lab), Limits.DEFAULT, Instant.parse("2026-11-30T09:00:00Z"), 1.0),
                out.resolve(student));
    }

    @Test
    @DisplayName("a histogram per lab, the most failed test first, a link to each student's page; a student's name cannot inject markup")
    void classPage(@TempDir Path out) throws Exception {
        grade(out, "alice", true, true);
        grade(out, "bob", true, false);
        grade(out, HOSTILE.replace("\\", "_"), false, false);
        String hostile = HOSTILE.replace("\\", "_");
        Path page = ClassPage.write(out, Set.of("lab01-ports"), Set.of("alice", "bob", hostile));
        String html = Files.readString(page);
        assertTrue(html.contains("Class report: 3 submissions"), html);
        assertTrue(html.contains("aria-label=\"histogram\""), html);
        int hard = html.indexOf("lab01-ports › Task 2 · Binding › binds port 0");
        int easy = html.indexOf("lab01-ports › Task 1 · Ports › classifies 80");
        assertTrue(hard > 0 && easy > hard, "the test most students failed comes first: " + html);
        assertTrue(html.contains("binds port 0</td><td class=\"num\">1/3 (33%)"), html);
        assertTrue(html.contains("classifies 80</td><td class=\"num\">2/3 (67%)"), html);
        assertTrue(html.contains("<a href=\"./alice/report.html\">alice</a>"), html);
        assertTrue(Files.isRegularFile(out.resolve("alice").resolve(Feedback.PAGE)), "the student's page the link opens");
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), html);
        assertFalse(html.contains("\"onmouseover"), "no attribute can be closed by a name: " + html);
        assertTrue(html.contains("href=\"./eve%3Cscript%3Ealert%281%29%3C_script%3E%22onmouseover%3D%22x/report.html\""), html);
    }
}
