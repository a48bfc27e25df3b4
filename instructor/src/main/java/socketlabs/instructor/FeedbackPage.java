package socketlabs.instructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import socketlabs.grading.Messages;
import socketlabs.grading.html.Html;
import socketlabs.grading.html.HtmlReport;

/**
 * A graded submission's report page ({@code report.html} beside {@code results.json}): the grading
 * module's {@link HtmlReport}, one section a lab, with what {@code report.md} says around it (the
 * sandbox warning, what was taken from the submission, the limits, each lab's state and notes).
 * The instructor's flags are not on it: the page is the student's.
 */
final class FeedbackPage {
    private static final int MAX_COMPILER_OUTPUT = 20_000;

    private FeedbackPage() {
    }

    static Path write(SubmissionGrade s, Path dir) {
        Messages words = Messages.current();
        StringBuilder intro = new StringBuilder();
        if (s.limits().unsandboxed()) {
            intro.append("<p class=\"warn\">").append(Html.text(words.get("feedback.warning", s.limits().sandboxed()))).append("</p>\n");
        }
        intro.append("<p class=\"muted\">").append(Html.text(words.get("feedback.only.main"))).append("<br>")
                .append(Html.text(words.get("feedback.limits", s.limits().describe()))).append("</p>\n");
        List<HtmlReport.Lab> labs = new ArrayList<>();
        for (LabGrade lab : s.labs()) {
            List<String> notes = new ArrayList<>(lab.notes());
            if (lab.skippedNote() != null) {
                notes.add(lab.skippedNote());
            }
            if (lab.compilerOutput() != null) {
                String out = lab.compilerOutput().strip();
                notes.add(words.get("feedback.compiler") + "\n" + (out.length() > MAX_COMPILER_OUTPUT
                        ? out.substring(0, MAX_COMPILER_OUTPUT) + "\n[...]" : out));
            }
            String state = lab.state() == LabGrade.State.GRADED ? "" : Feedback.state(words, lab.state());
            labs.add(new HtmlReport.Lab(lab.lab() + ": " + lab.score() + " / " + lab.maxScore(), state, lab.tests(), notes));
        }
        return HtmlReport.write(dir.resolve(Feedback.PAGE), words.get("feedback.title", s.student()), intro.toString(), labs);
    }
}
