package socketlabs.instructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import socketlabs.grading.Json;

/**
 * Grades a folder of submissions (one folder, zip or git bundle per student, named for the student)
 * into {@code OUT/STUDENT/results.json}, {@code OUT/STUDENT/report.md}, {@code OUT/STUDENT/report.html},
 * {@code OUT/gradebook.csv} and the class page {@code OUT/class.html} ({@link ClassPage}).
 * Several submissions run at once (--jobs, by default the machine's cores); a submission whose
 * results.json exists is skipped, so an interrupted run resumes where it stopped.
 *
 * <pre>
 * tools/grade-class SUBMISSIONS [--out DIR] [--jobs N] [--regrade] [--fresh] [limits as for tools/grade]
 * </pre>
 */
public final class GradeClass {
    static final String GRADEBOOK = "gradebook.csv";

    private GradeClass() {
    }

    public static void main(String[] args) throws Exception {
        Options.main(args, GradeClass::run);
    }

    private static void run(String[] args) throws Exception {
        Set<String> known = new HashSet<>(Options.LIMIT_OPTIONS);
        known.addAll(Set.of("out", "jobs"));
        Options o = new Options(args, known, Set.of("regrade", "fresh"));
        if (o.positional.size() != 1) {
            System.err.println("usage: tools/grade-class SUBMISSIONS [--out DIR] [--jobs N] [--regrade] [--fresh] [--labs ...]"
                    + " [--test-timeout \"10 s\"] [--class-timeout S] [--lab-timeout S] [--heap MB] [--max-threads N]");
            System.exit(2);
        }
        Path submissions = Path.of(o.positional.get(0)).toAbsolutePath();
        Path out = Path.of(o.get("out", submissions + "-graded")).toAbsolutePath();
        Course course = Course.find();
        System.out.println("Preparing the course (one Maven build of the pristine labs, unless kept from the last run)...");
        Grader grader = Grader.prepare(course, course.labs(o.get("labs", null)), o.limits(), o.flag("fresh"));
        int jobs = o.integer("jobs", Runtime.getRuntime().availableProcessors());
        int failures = run(grader, submissions, out, jobs, o.flag("regrade"));
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Grades every submission not yet graded; returns how many could not be graded at all. */
    static int run(Grader grader, Path submissions, Path out, int jobs, boolean regrade) throws Exception {
        Files.createDirectories(out);
        // the cores are already shared by the submissions graded side by side: labs at once only where some are left
        grader.labsAtOnce(Grader.labsAtOnceFor(Runtime.getRuntime().availableProcessors(), jobs));
        // one grading run per output folder at a time
        try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(out.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalArgumentException("another tools/grade-class is writing to " + out + "; wait for it or stop it");
            }
            return runLocked(grader, submissions, out, jobs, regrade);
        }
    }

    private static int runLocked(Grader grader, Path submissions, Path out, int jobs, boolean regrade) throws Exception {
        List<Path> all = Submission.list(submissions);
        List<Path> todo = new ArrayList<>();
        for (Path s : all) {
            if (regrade || !Files.isRegularFile(out.resolve(Submission.studentOf(s)).resolve(Feedback.RESULTS))) {
                todo.add(s);
            }
        }
        System.out.printf("%d submissions in %s: %d already graded, %d to grade, %d at a time.%n",
                all.size(), submissions, all.size() - todo.size(), todo.size(), jobs);
        long start = System.nanoTime();
        // the work folders live apart from the output, out of the way of the code under test
        Path workRoot = Files.createTempDirectory("socketlabs-grading-");
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Future<?>> futures = new ArrayList<>();
        for (Path s : todo) {
            futures.add(pool.submit(() -> {
                if (fatal.get() != null) {
                    return;
                }
                String student = Submission.studentOf(s);
                try {
                    SubmissionGrade r = Grade.gradeOne(grader, student, s, workRoot.resolve(student));
                    Feedback.write(r, out.resolve(student));
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    int n = done.incrementAndGet();
                    synchronized (System.out) {
                        System.out.printf("[%3d/%d] %-24s %4d/%-4d %6.1f s   elapsed %.0f s, about %.0f s to go%n", n,
                                todo.size(), student, r.score(), r.maxScore(), r.seconds(), elapsed,
                                elapsed / n * (todo.size() - n));
                    }
                } catch (RuntimeException e) {
                    fatal.compareAndSet(null, e);
                    System.err.println("stopped while grading " + student + ": " + e.getMessage());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        Fs.deleteTree(workRoot);
        Path gradebook = writeGradebook(out, grader.labs.keySet(),
                all.stream().map(Submission::studentOf).collect(java.util.stream.Collectors.toSet()));
        System.out.printf("Graded %d submissions in %.1f s. Gradebook: %s%n", done.get(), (System.nanoTime() - start) / 1e9,
                gradebook);
        Path classPage = ClassPage.write(out, grader.labs.keySet(),
                all.stream().map(Submission::studentOf).collect(java.util.stream.Collectors.toSet()));
        System.out.println(socketlabs.grading.Messages.current().get("class.page", classPage));
        if (fatal.get() != null) {
            System.err.println("Grading stopped early: " + fatal.get().getMessage()
                    + "\nRun the same command again to grade the rest; graded submissions are kept.");
            return todo.size() - done.get();
        }
        return 0;
    }

    /** One row a student of the class from their results.json: each lab's score, the total, the flags. */
    static Path writeGradebook(Path out, Set<String> labs, Set<String> students) {
        StringBuilder csv = new StringBuilder("student");
        labs.forEach(l -> csv.append(',').append(l));
        csv.append(",total,max,flags\n");
        for (Path dir : Fs.files(out, Feedback.RESULTS).stream().map(Path::getParent).sorted().toList()) {
            if (!dir.getParent().equals(out) || !students.contains(dir.getFileName().toString())) {
                continue;
            }
            Map<?, ?> r = (Map<?, ?>) Json.parse(Fs.read(dir.resolve(Feedback.RESULTS)));
            Map<?, ?> extra = (Map<?, ?>) r.get("extra_data");
            Map<?, ?> labScores = (Map<?, ?>) extra.get("labs");
            csv.append(csv(dir.getFileName().toString()));
            for (String l : labs) {
                Map<?, ?> one = (Map<?, ?>) labScores.get(l);
                csv.append(',').append(one == null ? "" : ((Number) one.get("score")).intValue());
            }
            csv.append(',').append(((Number) r.get("score")).intValue()).append(',').append(((Number) r.get("max_score")).intValue())
                    .append(',').append(csv(String.join("; ", ((List<?>) extra.get("flags")).stream().map(String::valueOf).toList())))
                    .append('\n');
        }
        Path file = out.resolve(GRADEBOOK);
        Fs.write(file, csv.toString());
        return file;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
