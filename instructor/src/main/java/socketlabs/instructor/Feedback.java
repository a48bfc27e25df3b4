package socketlabs.instructor;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    static void write(Results.Submission s, Path dir) {
        Fs.write(dir.resolve(REPORT), markdown(s));
        Fs.write(dir.resolve(RESULTS), Json.write(gradescope(s))); // last: its presence marks the submission done
    }

    static Map<String, Object> gradescope(Results.Submission s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", s.score());
        json.put("max_score", s.maxScore());
        StringBuilder output = new StringBuilder(s.limits().unsandboxed() ? "WARNING: " + s.limits().sandboxed() + "\n" : "");
        output.append(s.score()).append('/').append(s.maxScore()).append(" points.\n");
        for (Results.LabResult lab : s.labs()) {
            output.append(lab.lab()).append(": ").append(lab.score()).append('/').append(lab.maxScore());
            if (!lab.state().equals("graded")) {
                output.append(" (").append(lab.state()).append(')');
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
        for (Results.LabResult lab : s.labs()) {
            for (Results.Test t : lab.tests()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", lab.lab() + " › " + t.entry().fullName());
                m.put("score", t.score());
                m.put("max_score", t.entry().points());
                m.put("status", t.status().equals("passed") ? "passed" : "failed");
                m.put("output", t.status().equals("passed") ? "passed" : expectedAndHappened(t));
                m.put("visibility", t.entry().hidden() ? "after_published" : "visible");
                tests.add(m);
            }
        }
        json.put("tests", tests);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("student", s.student());
        Map<String, Object> labs = new LinkedHashMap<>();
        for (Results.LabResult lab : s.labs()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("score", lab.score());
            l.put("max_score", lab.maxScore());
            l.put("state", lab.state());
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

    static String markdown(Results.Submission s) {
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
        for (Results.LabResult lab : s.labs()) {
            md.append("| ").append(lab.lab()).append(" | ").append(lab.score()).append(" / ").append(lab.maxScore())
                    .append(" | ").append(lab.state()).append(" |\n");
        }
        md.append("\nOnly each lab's `src/main/java` was taken from the submission; the tests, hidden tests, provided"
                + " code and build files are the course's own, so changing them changes nothing.\n\n");
        md.append("Limits: ").append(s.limits().describe()).append("\n");
        for (Results.LabResult lab : s.labs()) {
            md.append("\n## ").append(lab.lab()).append(": ").append(lab.score()).append(" / ").append(lab.maxScore());
            md.append(lab.state().equals("graded") ? "" : " (" + lab.state() + ")").append("\n\n");
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
            Map<String, List<Results.Test>> byTask = lab.tests().stream().collect(Collectors.groupingBy(
                    t -> t.entry().task().isEmpty() ? "(other tests)" : t.entry().task(), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<Results.Test>> e : byTask.entrySet()) {
                long passed = e.getValue().stream().filter(t -> t.status().equals("passed")).count();
                md.append("| ").append(e.getKey()).append(" | ").append(passed).append(" / ").append(e.getValue().size())
                        .append(" | ").append(e.getValue().stream().mapToInt(Results.Test::score).sum()).append(" / ")
                        .append(e.getValue().stream().mapToInt(t -> t.entry().points()).sum()).append(" |\n");
            }
            List<Results.Test> failed = lab.tests().stream().filter(t -> !t.status().equals("passed")).collect(Collectors.toList());
            if (failed.isEmpty()) {
                md.append("\nEvery test passed.\n");
                continue;
            }
            if (lab.compilerOutput() != null || lab.state().equals("not handed in")) {
                md.append("\nNo test could run: ").append(failed.get(0).output().replaceFirst("^not run: ", "")).append(".\n");
                continue;
            }
            md.append("\n### Not passed (").append(failed.size()).append(")\n");
            for (Results.Test t : failed) {
                md.append("\n#### ").append(t.entry().fullName()).append(t.entry().hidden() ? " (hidden test)" : "")
                        .append(" (0 / ").append(t.entry().points()).append(")\n\n");
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
    static String expectedAndHappened(Results.Test t) {
        return "Expected: " + t.entry().name() + ".\nWhat happened (" + t.status() + "): " + t.output();
    }

    private static String expectedAndHappenedMarkdown(Results.Test t) {
        return "- Expected: " + t.entry().name() + ".\n- What happened (" + t.status() + "):\n\n```\n"
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
