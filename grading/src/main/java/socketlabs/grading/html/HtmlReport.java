package socketlabs.grading.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Messages;
import socketlabs.grading.Results;

/**
 * The report page of a run, {@value #FILE} beside {@code results.json}: a self-contained HTML file
 * (inline CSS and SVG, no script, nothing fetched) with the score of each lab and task as bars, then
 * every test not passed with what it expected, what happened, and what the test recorded of the run
 * drawn ({@link Diagrams}). Written by both grading paths: the Maven report step ({@link #write})
 * and the instructor's grader (one section a lab of a submission).
 *
 * <p>Hidden tests are shown as report.md shows them: named, marked hidden, with their message; what
 * they recorded is never drawn (a diagram of a hidden scenario would tell more than its message).
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    // the pages this JVM wrote, for the console's last lines
    private static final List<Path> WRITTEN = new ArrayList<>();

    /** One lab's part of a page: its tests and, when it was not graded normally, why (state) and notes. */
    public record Lab(String name, String state, List<GradedTest> tests, List<String> notes) {
    }

    private HtmlReport() {
    }

    /** Writes the page of one lab's Maven run into {@code dir}; returns the page, or null if it could not be written. */
    public static Path write(Path dir, String title, Results results) {
        List<String> notes = results.finished() ? List.of() : List.of(Messages.current().get("summary.unfinished"));
        return write(dir.resolve(FILE), title, "", List.of(new Lab(title, "", results.tests(), notes)));
    }

    /** Writes a page to {@code file}; returns it, or null (with a line on standard error) if it could not be written. */
    public static Path write(Path file, String title, String intro, List<Lab> labs) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, page(title, intro, labs, Messages.current()), StandardCharsets.UTF_8);
            synchronized (WRITTEN) {
                WRITTEN.add(file.toAbsolutePath());
            }
            return file;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("grading: cannot write " + file + ": " + e);
            return null;
        }
    }

    /** The pages written by this JVM so far, in order. */
    public static List<Path> written() {
        synchronized (WRITTEN) {
            return List.copyOf(WRITTEN);
        }
    }

    /** The whole page: {@code intro} is HTML already (the caller's, escaped by it), everything else is escaped here. */
    public static String page(String title, String intro, List<Lab> labs, Messages words) {
        StringBuilder b = new StringBuilder();
        int score = labs.stream().flatMap(l -> l.tests.stream()).mapToInt(GradedTest::score).sum();
        int max = labs.stream().flatMap(l -> l.tests.stream()).mapToInt(GradedTest::maxScore).sum();
        b.append("<h1>").append(Html.text(title)).append("</h1>\n").append(intro);
        b.append("<p><strong>").append(Html.text(words.get("html.score", score, max))).append("</strong> ")
                .append(Svg.bar(score, max, 320, score + "/" + max)).append("</p>\n");
        int id = 0;
        for (Lab lab : labs) {
            b.append(labs.size() > 1 || !lab.name.equals(title) ? "<h2>" + Html.text(lab.name) + "</h2>\n" : "");
            if (!lab.state.isEmpty()) {
                b.append("<p class=\"warn\">").append(Html.text(lab.state)).append("</p>\n");
            }
            for (String note : lab.notes) {
                b.append("<p class=\"warn\">").append(Html.text(note)).append("</p>\n");
            }
            b.append(taskTable(lab.tests, words));
            List<GradedTest> failed = lab.tests.stream().filter(t -> !t.passed()).collect(Collectors.toList());
            if (failed.isEmpty()) {
                b.append("<p>").append(Html.text(words.get("feedback.all.passed"))).append("</p>\n");
                continue;
            }
            b.append("<h3>").append(Html.text(words.get("summary.not.passed", failed.size()))).append("</h3>\n");
            for (GradedTest t : failed) {
                b.append(failure(t, id++, words));
            }
        }
        return Html.page(Messages.language(), title, b.toString());
    }

    private static String taskTable(List<GradedTest> tests, Messages words) {
        String other = words.get("summary.warmups");
        Map<String, List<GradedTest>> byTask = tests.stream().collect(Collectors.groupingBy(
                t -> t.task().isEmpty() ? other : t.task(), LinkedHashMap::new, Collectors.toList()));
        StringBuilder b = new StringBuilder("<table>\n<tr><th>").append(Html.text(words.get("summary.task"))).append("</th><th>")
                .append(Html.text(words.get("summary.passed"))).append("</th><th>").append(Html.text(words.get("summary.points")))
                .append("</th><th></th></tr>\n");
        for (Map.Entry<String, List<GradedTest>> e : byTask.entrySet()) {
            List<GradedTest> ts = e.getValue();
            long passed = ts.stream().filter(GradedTest::passed).count();
            int score = ts.stream().mapToInt(GradedTest::score).sum();
            int max = ts.stream().mapToInt(GradedTest::maxScore).sum();
            b.append("<tr><td>").append(Html.text(e.getKey())).append("</td><td class=\"num\">").append(passed).append('/')
                    .append(ts.size()).append("</td><td class=\"num\">").append(score).append('/').append(max).append("</td><td>")
                    .append(max > 0 ? Svg.bar(score, max, 200, score + "/" + max) : Svg.bar((int) passed, ts.size(), 200, passed + "/" + ts.size()))
                    .append("</td></tr>\n");
        }
        int score = tests.stream().mapToInt(GradedTest::score).sum();
        int max = tests.stream().mapToInt(GradedTest::maxScore).sum();
        return b.append("<tr class=\"sum\"><td>").append(Html.text(words.get("summary.total"))).append("</td><td></td><td class=\"num\">")
                .append(score).append('/').append(max).append("</td><td></td></tr>\n</table>\n").toString();
    }

    private static String failure(GradedTest t, int id, Messages words) {
        StringBuilder b = new StringBuilder("<div class=\"test").append(t.status() == GradedTest.Status.SKIPPED ? " skipped" : "")
                .append("\">\n<h4>").append(Html.text(t.fullName())).append(' ')
                .append("<span class=\"badge\">").append(Html.text(words.get(t.status().messageKey()))).append(", 0/")
                .append(t.maxScore()).append("</span>");
        if (t.hidden()) {
            b.append(" <span class=\"badge hidden\">").append(Html.text(words.get("feedback.hidden"))).append("</span>");
        }
        b.append("</h4>\n<p>").append(Html.text(words.get("feedback.expected", t.name()))).append("</p>\n<p>")
                .append(Html.text(words.get("feedback.happened", words.get(t.status().messageKey())))).append("</p>\n<pre>")
                .append(Html.text(clip(t.output(), 8000))).append("</pre>\n");
        if (!t.hidden()) {
            b.append(Diagrams.of(t, id, words));
        }
        return b.append("</div>\n").toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n[...]";
    }
}
