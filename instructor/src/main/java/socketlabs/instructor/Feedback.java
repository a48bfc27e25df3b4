package socketlabs.instructor;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;

/**
 * Writes what a graded submission gets: Gradescope's {@code results.json} (per-test score,
 * max_score, output, visibility; hidden tests "after_published") and {@code report.md}, the
 * feedback a student reads, where every test not passed says what was expected and what happened.
 * Their own words (headings, verdicts) come from {@link Messages}, in the language the run asks for;
 * the tests' names and messages are the tests' own.
 */
final class Feedback {
    static final String RESULTS = "results.json";
    static final String REPORT = "report.md";
    static final String PAGE = socketlabs.grading.html.HtmlReport.FILE;

    private Feedback() {
    }

    static void write(SubmissionGrade s, Path dir) {
        Fs.write(dir.resolve(REPORT), markdown(s));
        FeedbackPage.write(s, dir);
        Fs.write(dir.resolve(RESULTS), Json.write(gradescope(s))); // last: its presence marks the submission done
    }

    static Map<String, Object> gradescope(SubmissionGrade s) {
        Messages words = Messages.current();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", s.score());
        json.put("max_score", s.maxScore());
        StringBuilder output = new StringBuilder(s.limits().unsandboxed() ? words.get("feedback.warning", s.limits().sandboxed()) + "\n" : "");
        output.append(words.get("feedback.points", s.score(), s.maxScore())).append('\n');
        for (LabGrade lab : s.labs()) {
            output.append(lab.lab()).append(": ").append(lab.score()).append('/').append(lab.maxScore());
            if (lab.state() != LabGrade.State.GRADED) {
                output.append(" (").append(state(words, lab.state())).append(')');
            }
            output.append('\n');
            if (lab.compilerOutput() != null) {
                output.append(indent(clip(lab.compilerOutput(), 6000))).append('\n');
            }
            lab.notes().forEach(n -> output.append("  ").append(words.get("feedback.note", n)).append('\n'));
            if (lab.skippedNote() != null) {
                output.append("  ").append(words.get("feedback.note", lab.skippedNote())).append('\n');
            }
        }
        output.append(words.get("feedback.limits", s.limits().describe()));
        json.put("output", output.toString());
        json.put("visibility", "visible");
        json.put("stdout_visibility", "hidden");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (LabGrade lab : s.labs()) {
            for (GradedTest t : lab.tests()) {
                tests.add(t.gradescopeEntry(lab.lab() + " › " + t.fullName(),
                        t.passed() ? words.get("status.passed") : expectedAndHappened(t, words)));
            }
        }
        json.put("tests", tests);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("student", s.student());
        Map<String, Object> labs = new LinkedHashMap<>();
        for (LabGrade lab : s.labs()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("score", lab.score());
            l.put("max_score", lab.maxScore());
            l.put("state", lab.state().label);
            l.put("seconds", Math.round(lab.seconds() * 10) / 10.0);
            labs.put(lab.lab(), l);
        }
        extra.put("labs", labs);
        extra.put("flags", s.flags());
        extra.put("graded_at", s.gradedAt().toString());
        extra.put("sandbox", s.limits().sandboxed());
        json.put("extra_data", extra);
        return json;
    }

    static String markdown(SubmissionGrade s) {
        Messages words = Messages.current();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(words.get("feedback.title", s.student())).append("\n\n");
        if (s.limits().unsandboxed()) {
            md.append("> **").append(words.get("feedback.warning", s.limits().sandboxed())).append("**\n\n");
        }
        String graded = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.gradedAt().atOffset(ZoneOffset.UTC).withNano(0));
        md.append(s.maxScore() > 0
                ? words.get("feedback.score.percent", s.score(), s.maxScore(), Math.round(100.0 * s.score() / s.maxScore()), graded)
                : words.get("feedback.score", s.score(), s.maxScore(), graded)).append("\n\n");
        md.append(words.get("feedback.labs.header")).append("\n|---|---:|---|\n");
        for (LabGrade lab : s.labs()) {
            md.append("| ").append(lab.lab()).append(" | ").append(lab.score()).append(" / ").append(lab.maxScore())
                    .append(" | ").append(state(words, lab.state())).append(" |\n");
        }
        md.append('\n').append(words.get("feedback.only.main")).append("\n\n");
        md.append(words.get("feedback.limits", s.limits().describe())).append("\n");
        for (LabGrade lab : s.labs()) {
            md.append("\n## ").append(lab.lab()).append(": ").append(lab.score()).append(" / ").append(lab.maxScore());
            md.append(lab.state() == LabGrade.State.GRADED ? "" : " (" + state(words, lab.state()) + ")").append("\n\n");
            if (lab.compilerOutput() != null) {
                md.append(words.get("feedback.compiler")).append("\n\n```\n").append(clip(lab.compilerOutput(), 20000).strip())
                        .append("\n```\n\n");
            }
            List<String> notes = new ArrayList<>(lab.notes());
            if (lab.skippedNote() != null) {
                notes.add(lab.skippedNote());
            }
            for (String n : notes) {
                md.append("- ").append(words.get("feedback.note.md", n)).append('\n');
            }
            if (!notes.isEmpty()) {
                md.append('\n');
            }
            md.append(words.get("feedback.tasks.header")).append("\n|---|---:|---:|\n");
            String other = words.get("feedback.other.tests");
            Map<String, List<GradedTest>> byTask = lab.tests().stream().collect(Collectors.groupingBy(
                    t -> t.task().isEmpty() ? other : t.task(), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<GradedTest>> e : byTask.entrySet()) {
                long passed = e.getValue().stream().filter(t -> t.passed()).count();
                md.append("| ").append(e.getKey()).append(" | ").append(passed).append(" / ").append(e.getValue().size())
                        .append(" | ").append(e.getValue().stream().mapToInt(GradedTest::score).sum()).append(" / ")
                        .append(e.getValue().stream().mapToInt(t -> t.maxScore()).sum()).append(" |\n");
            }
            List<GradedTest> failed = lab.tests().stream().filter(t -> !t.passed()).collect(Collectors.toList());
            if (failed.isEmpty()) {
                md.append('\n').append(words.get("feedback.all.passed")).append('\n');
                continue;
            }
            if (lab.compilerOutput() != null || lab.state() == LabGrade.State.NOT_HANDED_IN) {
                md.append('\n').append(words.get("feedback.none.ran", failed.get(0).output().replaceFirst("^not run: ", "")))
                        .append('\n');
                continue;
            }
            md.append("\n### ").append(words.get("feedback.not.passed", failed.size())).append('\n');
            for (GradedTest t : failed) {
                md.append("\n#### ").append(t.fullName()).append(t.hidden() ? " " + words.get("feedback.hidden") : "")
                        .append(" (0 / ").append(t.maxScore()).append(")\n\n");
                md.append(expectedAndHappenedMarkdown(t, words));
            }
        }
        if (!s.flags().isEmpty()) {
            md.append("\n## ").append(words.get("feedback.flags.title")).append("\n\n").append(words.get("feedback.flags"))
                    .append("\n\n");
            s.flags().forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    /** "Expected: the requirement. What happened: the test's message." */
    static String expectedAndHappened(GradedTest t) {
        return expectedAndHappened(t, Messages.current());
    }

    private static String expectedAndHappened(GradedTest t, Messages words) {
        return words.get("feedback.expected", t.name()) + "\n"
                + words.get("feedback.happened", words.get(t.status().messageKey())) + " " + t.output();
    }

    private static String expectedAndHappenedMarkdown(GradedTest t, Messages words) {
        return "- " + words.get("feedback.expected", t.name()) + "\n- "
                + words.get("feedback.happened", words.get(t.status().messageKey())) + "\n\n```\n"
                + clip(t.output(), 4000).strip() + "\n```\n";
    }

    /** A lab's state in the report's words ("graded", "did not compile"); results.json keeps the English label. */
    static String state(Messages words, LabGrade.State state) {
        return words.get("state." + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** At most {@code max} characters, and never a Markdown fence that would end the code block early. */
    private static String clip(String s, int max) {
        String safe = s.replace("```", "'''");
        return safe.length() <= max ? safe : safe.substring(0, max) + "\n[... cut]";
    }

    private static String indent(String s) {
        return s.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
