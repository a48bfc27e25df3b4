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

/**
 * Writes what a graded submission gets: Gradescope's {@code results.json} (per-test score,
 * max_score, output, visibility; hidden tests "after_published") and {@code report.md}, the
 * feedback a student reads, where every test not passed says what was expected and what happened.
 */
final class Feedback {
    static final String RESULTS = "results.json";
    static final String REPORT = "report.md";

    private Feedback() {
    }

    static void write(SubmissionGrade s, Path dir) {
        Fs.write(dir.resolve(REPORT), markdown(s));
        Fs.write(dir.resolve(RESULTS), Json.write(gradescope(s))); // last: its presence marks the submission done
    }

    static Map<String, Object> gradescope(SubmissionGrade s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", s.score());
        json.put("max_score", s.maxScore());
        StringBuilder output = new StringBuilder(s.limits().unsandboxed() ? "WARNING: " + s.limits().sandboxed() + "\n" : "");
        output.append(s.score()).append('/').append(s.maxScore()).append(" points.\n");
        for (LabGrade lab : s.labs()) {
            output.append(lab.lab()).append(": ").append(lab.score()).append('/').append(lab.maxScore());
            if (lab.state() != LabGrade.State.GRADED) {
                output.append(" (").append(lab.state().label).append(')');
            }
            output.append('\n');
            if (lab.compilerOutput() != null) {
                output.append(indent(clip(lab.compilerOutput(), 6000))).append('\n');
            }
            lab.notes().forEach(n -> output.append("  note: ").append(n).append('\n'));
            if (lab.skippedNote() != null) {
                output.append("  note: ").append(lab.skippedNote()).append('\n');
            }
        }
        output.append("Limits: ").append(s.limits().describe());
        json.put("output", output.toString());
        json.put("visibility", "visible");
        json.put("stdout_visibility", "hidden");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (LabGrade lab : s.labs()) {
            for (GradedTest t : lab.tests()) {
                tests.add(t.gradescopeEntry(lab.lab() + " › " + t.fullName(), t.passed() ? "passed" : expectedAndHappened(t)));
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
        StringBuilder md = new StringBuilder();
        md.append("# Grading report: ").append(s.student()).append("\n\n");
        if (s.limits().unsandboxed()) {
            md.append("> **WARNING: ").append(s.limits().sandboxed()).append("**\n\n");
        }
        md.append("**Score: ").append(s.score()).append(" / ").append(s.maxScore()).append("**");
        if (s.maxScore() > 0) {
            md.append(" (").append(Math.round(100.0 * s.score() / s.maxScore())).append("%)");
        }
        md.append(", graded ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(s.gradedAt().atOffset(ZoneOffset.UTC)
                .withNano(0))).append(" UTC.\n\n");
        md.append("| Lab | Score | |\n|---|---:|---|\n");
        for (LabGrade lab : s.labs()) {
            md.append("| ").append(lab.lab()).append(" | ").append(lab.score()).append(" / ").append(lab.maxScore())
                    .append(" | ").append(lab.state().label).append(" |\n");
        }
        md.append("\nOnly each lab's `src/main/java` was taken from the submission; the tests, hidden tests, provided"
                + " code and build files are the course's own, so changing them changes nothing.\n\n");
        md.append("Limits: ").append(s.limits().describe()).append("\n");
        for (LabGrade lab : s.labs()) {
            md.append("\n## ").append(lab.lab()).append(": ").append(lab.score()).append(" / ").append(lab.maxScore());
            md.append(lab.state() == LabGrade.State.GRADED ? "" : " (" + lab.state().label + ")").append("\n\n");
            if (lab.compilerOutput() != null) {
                md.append("The compiler's messages:\n\n```\n").append(clip(lab.compilerOutput(), 20000).strip())
                        .append("\n```\n\n");
            }
            List<String> notes = new ArrayList<>(lab.notes());
            if (lab.skippedNote() != null) {
                notes.add(lab.skippedNote());
            }
            for (String n : notes) {
                md.append("- Note: ").append(n).append('\n');
            }
            if (!notes.isEmpty()) {
                md.append('\n');
            }
            md.append("| Task | Passed | Points |\n|---|---:|---:|\n");
            Map<String, List<GradedTest>> byTask = lab.tests().stream().collect(Collectors.groupingBy(
                    t -> t.task().isEmpty() ? "(other tests)" : t.task(), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<GradedTest>> e : byTask.entrySet()) {
                long passed = e.getValue().stream().filter(t -> t.passed()).count();
                md.append("| ").append(e.getKey()).append(" | ").append(passed).append(" / ").append(e.getValue().size())
                        .append(" | ").append(e.getValue().stream().mapToInt(GradedTest::score).sum()).append(" / ")
                        .append(e.getValue().stream().mapToInt(t -> t.maxScore()).sum()).append(" |\n");
            }
            List<GradedTest> failed = lab.tests().stream().filter(t -> !t.passed()).collect(Collectors.toList());
            if (failed.isEmpty()) {
                md.append("\nEvery test passed.\n");
                continue;
            }
            if (lab.compilerOutput() != null || lab.state() == LabGrade.State.NOT_HANDED_IN) {
                md.append("\nNo test could run: ").append(failed.get(0).output().replaceFirst("^not run: ", "")).append(".\n");
                continue;
            }
            md.append("\n### Not passed (").append(failed.size()).append(")\n");
            for (GradedTest t : failed) {
                md.append("\n#### ").append(t.fullName()).append(t.hidden() ? " (hidden test)" : "")
                        .append(" (0 / ").append(t.maxScore()).append(")\n\n");
                md.append(expectedAndHappenedMarkdown(t));
            }
        }
        if (!s.flags().isEmpty()) {
            md.append("\n## For the instructor: code to look at\n\nThese cost no points; they are things a grader may"
                    + " want to read.\n\n");
            s.flags().forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    /** "Expected: the requirement. What happened: the test's message." */
    static String expectedAndHappened(GradedTest t) {
        return "Expected: " + t.name() + ".\nWhat happened (" + t.status().json() + "): " + t.output();
    }

    private static String expectedAndHappenedMarkdown(GradedTest t) {
        return "- Expected: " + t.name() + ".\n- What happened (" + t.status().json() + "):\n\n```\n"
                + clip(t.output(), 4000).strip() + "\n```\n";
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
