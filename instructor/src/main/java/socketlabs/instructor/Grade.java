package socketlabs.instructor;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades one submission (a folder, a zip or a git bundle) and writes {@code results.json} and
 * {@code report.md} to the output folder.
 *
 * <pre>
 * tools/grade --prepare-only              (compile the course and list its graded tests, afresh)
 * tools/grade SUBMISSION [--out DIR] [--labs lab01,lab02] [--test-timeout "10 s"] [--class-timeout 120]
 *             [--lab-timeout 300] [--heap 256] [--max-threads 1000] [--fresh]
 * </pre>
 */
public final class Grade {
    private Grade() {
    }

    public static void main(String[] args) throws Exception {
        Options.main(args, Grade::run);
    }

    private static void run(String[] args) throws Exception {
        Set<String> known = new HashSet<>(Options.LIMIT_OPTIONS);
        known.add("out");
        Options o = new Options(args, known, Set.of("prepare-only", "fresh"));
        if (o.flag("prepare-only")) {
            // the Gradescope image's setup: one build that fetches Maven and every dependency ahead of grading
            Course course = Course.find();
            Grader g = Grader.prepare(course, course.labs(o.get("labs", null)), o.limits(), true);
            g.labs.values().forEach(l -> System.out.println(l.name() + ": " + l.catalogue().size() + " graded tests, "
                    + l.maxScore() + " points"));
            return;
        }
        if (o.positional.size() != 1) {
            System.err.println("usage: tools/grade SUBMISSION [--out DIR] [--labs lab01,...] [--test-timeout \"10 s\"]"
                    + " [--class-timeout S] [--lab-timeout S] [--heap MB] [--max-threads N] [--fresh]");
            System.exit(2);
        }
        Path input = Path.of(o.positional.get(0)).toAbsolutePath();
        String student = Submission.studentOf(input);
        Course course = Course.find();
        Path out = Path.of(o.get("out", course.root.resolve("target/graded").resolve(student).toString())).toAbsolutePath();
        Path work = java.nio.file.Files.createTempDirectory("socketlabs-grading-").resolve(student);
        System.out.println("Preparing the course (one Maven build of the pristine labs, unless kept from the last run)...");
        Grader grader = Grader.prepare(course, course.labs(o.get("labs", null)), o.limits(), o.flag("fresh"))
                .labsAtOnce(Grader.labsAtOnceFor(Runtime.getRuntime().availableProcessors(), 1));
        SubmissionGrade result = gradeOne(grader, student, input, work);
        Fs.deleteTree(work.getParent());
        Feedback.write(result, out);
        print(result);
        System.out.println("\nReport: " + out.resolve(Feedback.REPORT) + "\nGradescope results: " + out.resolve(Feedback.RESULTS));
        System.out.println(socketlabs.grading.Messages.current().get("report.page", out.resolve(Feedback.PAGE)));
    }

    /** Grades one hand-in; a submission that cannot even be unpacked still gets a report, with 0 points. */
    static SubmissionGrade gradeOne(Grader grader, String student, Path input, Path work) {
        try {
            Path folder = Submission.open(input, work.resolve("submission"));
            return grader.grade(student, folder, work.resolve("labs"));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            List<LabGrade> labs = grader.labs.values().stream().map(lab -> new LabGrade(lab.name(),
                    LabGrade.State.UNREADABLE, Grader.failedAll(lab, "not run: the submission could not be read: "
                    + e.getMessage()), null,
                    List.of("the submission could not be read: " + e.getMessage()), List.of(), 0)).toList();
            return new SubmissionGrade(student, labs, grader.limits, java.time.Instant.now(), 0);
        } finally {
            Fs.deleteTree(work);
        }
    }

    static void print(SubmissionGrade s) {
        if (s.limits().unsandboxed()) {
            System.out.println("\n!!! " + s.limits().sandboxed());
        }
        socketlabs.grading.Messages words = socketlabs.grading.Messages.current();
        System.out.printf("%n%s%n", words.get("grade.total", s.student(), s.score(), s.maxScore(), String.format("%.1f", s.seconds())));
        for (LabGrade lab : s.labs()) {
            System.out.printf("  %-24s %4d/%-4d %s%s (%.1f s)%n", lab.lab(), lab.score(), lab.maxScore(),
                    Feedback.state(words, lab.state()),
                    lab.skipped().isEmpty() ? "" : ", " + words.get("grade.skipped", lab.skipped().size()), lab.seconds());
        }
        s.flags().forEach(f -> System.out.println("  " + words.get("grade.flag", f)));
    }
}
