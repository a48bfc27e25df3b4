package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlabs.grading.GradedTest;

@DisplayName("report.html of a graded submission")
class FeedbackPageTest {
    private static final String ATTACK = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    @Test
    @DisplayName("attack: a student's name, output and trace cannot put markup on the page; flags stay off it; hidden tests are marked")
    void hostileSubmission(@TempDir Path dir) throws Exception {
        GradedTest failed = new GradedTest("socketlabs.lab03.GoBackNSequenceTest#silent()", "Task 4c · Sliding window", "sends the window",
                3, false).withOutcome(GradedTest.Status.FAILED, ATTACK)
                .withTraces(List.of("{\"kind\": \"transfer\", \"title\": \"" + ATTACK.replace("\"", "\\\"") + "\", \"sent\": [{\"t\": 1,"
                        + " \"seg\": \"0\"}], \"expected\": [\"0\", \"1\"]}"));
        GradedTest hidden = new GradedTest("socketlabs.lab03.HiddenGoBackNTest#h()", "Task 4c · Sliding window", "a hidden rule", 2, true)
                .withOutcome(GradedTest.Status.FAILED, "expected more");
        LabGrade lab = new LabGrade("lab03-udp", LabGrade.State.GRADED, List.of(failed, hidden), null, List.of(ATTACK),
                List.of("SECRET-FLAG for the instructor"), 1.0);
        SubmissionGrade s = new SubmissionGrade(ATTACK, List.of(lab), Limits.DEFAULT, Instant.parse("2026-11-30T09:00:00Z"), 1.0);
        Feedback.write(s, dir);
        String html = Files.readString(dir.resolve(Feedback.PAGE));
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("<svg class=\"transfer\""), "the transfer is drawn: " + html);
        assertTrue(html.contains("DATA 1 \u2014 missing"), html);
        assertTrue(html.contains("(hidden test)"), html);
        assertFalse(html.contains("SECRET-FLAG"), "the instructor's flags are not on the student's page");
    }
}
