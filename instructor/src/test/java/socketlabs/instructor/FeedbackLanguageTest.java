package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Messages;

@DisplayName("report.md in the language the run asks for")
class FeedbackLanguageTest {
    private static SubmissionGrade grade() {
        GradedTest passed = new GradedTest("k#a", "Task 1 · Port numbers", "classifies 80", 2, false)
                .withOutcome(GradedTest.Status.PASSED, "");
        GradedTest failed = new GradedTest("k#b", "Task 1 · Port numbers", "classifies 1023", 3, true)
                .withOutcome(GradedTest.Status.FAILED, "expected WELL_KNOWN");
        LabGrade lab = new LabGrade("lab01-ports", LabGrade.State.GRADED, List.of(passed, failed), null, List.of(), List.of(), 1.0);
        return new SubmissionGrade("alice", List.of(lab), Limits.DEFAULT, Instant.parse("2026-11-30T09:00:00Z"), 1.0);
    }

    private static String in(String language, Supplier<String> what) {
        String before = System.getProperty(Messages.PROPERTY);
        System.setProperty(Messages.PROPERTY, language);
        try {
            return what.get();
        } finally {
            if (before == null) {
                System.clearProperty(Messages.PROPERTY);
            } else {
                System.setProperty(Messages.PROPERTY, before);
            }
        }
    }

    @Test
    @DisplayName("headings and verdicts are Korean with -Dgrading.lang=ko; the tests' names and messages stay as written")
    void korean() {
        String md = in("ko", () -> Feedback.markdown(grade()));
        assertTrue(md.startsWith("# 채점 보고서: alice") && md.contains("**점수: 2 / 5** (40%)") && md.contains("| 실습 | 점수 | |")
                && md.contains("### 통과하지 못한 테스트 (1개)") && md.contains("(숨겨진 테스트)")
                && md.contains("- 기대한 것: classifies 1023.") && md.contains("- 실제로 일어난 일 (실패):")
                && md.contains("expected WELL_KNOWN") && md.contains("| lab01-ports | 2 / 5 | 채점됨 |"), md);
        String english = in("en", () -> Feedback.markdown(grade()));
        assertTrue(english.startsWith("# Grading report: alice") && english.contains("- What happened (failed):")
                && english.contains("Only each lab's `src/main/java`"), english);
        assertFalse(english.contains("채점"), english);
    }
}
