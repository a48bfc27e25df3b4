package socketlabs.instructor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;
import socketlabs.grading.html.Html;
import socketlabs.grading.html.HtmlReport;
import socketlabs.grading.html.Svg;

/**
 * The class page of {@code tools/grade-class}, {@value #FILE} beside the gradebook: each lab's score
 * distribution as a histogram, then the item analysis (per task and per test, the share of students
 * who passed, the requirements the class fails most first), then each student with a link to their
 * report page. Read from the students' {@code results.json} only, so it is the same whether a
 * submission was graded now or in an earlier run. The instructor's page: hidden tests are on it.
 */
final class ClassPage {
    static final String FILE = "class.html";
    private static final int BUCKETS = 10;

    /** One student's outcome of one test: lab, task, test name, passed. */
    private record Outcome(String lab, String task, String test, boolean passed) {
    }

    private ClassPage() {
    }

    static Path write(Path out, Set<String> labs, Set<String> students) {
        Messages words = Messages.current();
        Map<String, Map<?, ?>> results = new LinkedHashMap<>();
        for (String student : students.stream().sorted().toList()) {
            Path file = out.resolve(student).resolve(Feedback.RESULTS);
            if (Files.isRegularFile(file)) {
                results.put(student, (Map<?, ?>) Json.parse(Fs.read(file)));
            }
        }
        StringBuilder b = new StringBuilder("<h1>").append(Html.text(words.get("class.title", results.size()))).append("</h1>\n");
        for (String lab : labs) {
            List<double[]> scores = new ArrayList<>();
            for (Map<?, ?> r : results.values()) {
                if (((Map<?, ?>) ((Map<?, ?>) r.get("extra_data")).get("labs")).get(lab) instanceof Map<?, ?> l) {
                    scores.add(new double[] {number(l.get("score")), number(l.get("max_score"))});
                }
            }
            b.append("<h2>").append(Html.text(words.get("class.histogram", lab))).append("</h2>\n").append(histogram(scores));
        }
        List<List<Outcome>> outcomes = new ArrayList<>(); // one list a student
        for (Map<?, ?> r : results.values()) {
            List<Outcome> mine = new ArrayList<>();
            for (Object o : (List<?>) r.get("tests")) {
                Map<?, ?> t = (Map<?, ?>) o;
                String[] parts = String.valueOf(t.get("name")).split(" \u203a ", 3);
                boolean passed = "passed".equals(t.get("status"));
                mine.add(parts.length == 3 ? new Outcome(parts[0], parts[1], parts[2], passed)
                        : new Outcome(parts[0], "", parts[parts.length - 1], passed));
            }
            outcomes.add(mine);
        }
        b.append("<h2>").append(Html.text(words.get("class.items"))).append("</h2>\n");
        b.append("<h3>").append(Html.text(words.get("class.tasks"))).append("</h3>\n");
        b.append(items(outcomes, o -> o.lab + " \u203a " + o.task, true, words));
        b.append("<h3>").append(Html.text(words.get("class.tests"))).append("</h3>\n");
        b.append(items(outcomes, o -> o.lab + " \u203a " + o.task + " \u203a " + o.test, false, words));
        b.append("<h2>").append(Html.text(words.get("class.students"))).append("</h2>\n<table>\n<tr><th>")
                .append(Html.text(words.get("class.student"))).append("</th>");
        labs.forEach(l -> b.append("<th>").append(Html.text(l)).append("</th>"));
        b.append("<th>").append(Html.text(words.get("summary.total"))).append("</th><th></th></tr>\n");
        for (Map.Entry<String, Map<?, ?>> e : results.entrySet()) {
            Map<?, ?> r = e.getValue();
            Map<?, ?> labScores = (Map<?, ?>) ((Map<?, ?>) r.get("extra_data")).get("labs");
            // a relative link that cannot become a scheme or leave the folder: "./" and the name percent-encoded
            String href = "./" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8).replace("+", "%20") + "/" + HtmlReport.FILE;
            b.append("<tr><td><a href=\"").append(Html.text(href)).append("\">").append(Html.text(e.getKey())).append("</a></td>");
            for (String lab : labs) {
                b.append("<td class=\"num\">").append(labScores.get(lab) instanceof Map<?, ?> l ? (long) number(l.get("score")) : "")
                        .append("</td>");
            }
            int score = (int) number(r.get("score"));
            int max = (int) number(r.get("max_score"));
            b.append("<td class=\"num\">").append(score).append('/').append(max).append("</td><td>")
                    .append(Svg.bar(score, max, 160, score + "/" + max)).append("</td></tr>\n");
        }
        b.append("</table>\n");
        Path file = out.resolve(FILE);
        Fs.write(file, Html.page(Messages.language(), words.get("class.title", results.size()), b.toString()));
        return file;
    }

    /** The share of students who passed each item (a task: every test of it), the least passed first. */
    private static String items(List<List<Outcome>> outcomes, java.util.function.Function<Outcome, String> item, boolean task,
            Messages words) {
        Map<String, Map<Integer, Boolean>> byItem = new LinkedHashMap<>(); // item -> student -> passed (every test of it)
        for (int student = 0; student < outcomes.size(); student++) {
            for (Outcome o : outcomes.get(student)) {
                byItem.computeIfAbsent(item.apply(o), k -> new LinkedHashMap<>()).merge(student, o.passed, Boolean::logicalAnd);
            }
        }
        List<Map.Entry<String, double[]>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Boolean>> e : byItem.entrySet()) {
            long passed = e.getValue().values().stream().filter(p -> p).count();
            rows.add(Map.entry(e.getKey(), new double[] {passed, e.getValue().size()}));
        }
        rows.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0] / Math.max(1, e.getValue()[1])));
        StringBuilder b = new StringBuilder("<table>\n<tr><th>").append(Html.text(words.get(task ? "summary.task" : "class.tests")))
                .append("</th><th>").append(Html.text(words.get("class.passed.share"))).append("</th><th></th></tr>\n");
        for (Map.Entry<String, double[]> e : rows) {
            int passed = (int) e.getValue()[0];
            int all = (int) e.getValue()[1];
            b.append("<tr><td>").append(Html.text(e.getKey())).append("</td><td class=\"num\">").append(passed).append('/').append(all)
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * passed / Math.max(1, all)))).append("</td><td>")
                    .append(Svg.bar(passed, all, 160, passed + "/" + all)).append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    /** A histogram of scores as shares of the maximum, in ten buckets (0-9 %, ..., 90-100 %). */
    static String histogram(List<double[]> scores) {
        int[] counts = new int[BUCKETS];
        for (double[] s : scores) {
            int bucket = s[1] <= 0 ? 0 : (int) Math.min(BUCKETS - 1, Math.floor(s[0] / s[1] * BUCKETS));
            counts[bucket]++;
        }
        int most = Math.max(1, java.util.Arrays.stream(counts).max().orElse(1));
        int width = 44;
        int height = 120;
        StringBuilder svg = new StringBuilder("<svg width=\"" + (BUCKETS * width + 20) + "\" height=\"" + (height + 40)
                + "\" role=\"img\" aria-label=\"histogram\">");
        for (int i = 0; i < BUCKETS; i++) {
            double h = (double) counts[i] / most * height;
            double x = 10 + i * width;
            svg.append("<rect x=\"").append(Svg.n(x + 4)).append("\" y=\"").append(Svg.n(10 + height - h)).append("\" width=\"")
                    .append(width - 8).append("\" height=\"").append(Svg.n(h)).append("\" fill=\"#2e86c1\"/>");
            svg.append("<text x=\"").append(Svg.n(x + width / 2.0)).append("\" y=\"").append(Svg.n(6 + height - h))
                    .append("\" text-anchor=\"middle\">").append(counts[i] == 0 ? "" : counts[i]).append("</text>");
            svg.append("<text x=\"").append(Svg.n(x + width / 2.0)).append("\" y=\"").append(height + 26)
                    .append("\" text-anchor=\"middle\">").append(i * 10).append(i == BUCKETS - 1 ? "-100%" : "%").append("</text>");
        }
        return svg.append("<line x1=\"10\" y1=\"").append(10 + height).append("\" x2=\"").append(10 + BUCKETS * width).append("\" y2=\"")
                .append(10 + height).append("\" stroke=\"#5f6b77\"/></svg>\n").toString();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
