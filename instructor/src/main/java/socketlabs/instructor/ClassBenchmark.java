package socketlabs.instructor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import socketlabs.grading.Labs;

/**
 * Generates a class of submissions from the course itself and grades it as tools/grade-class
 * would, printing the time. A third hand in the solutions, a third the untouched starters, a
 * third a mix (solutions in every other lab, code that does not compile in the rest).
 *
 * <pre>
 * tools/benchmark-class [--count 30] [--jobs N] [--labs ...]
 * tools/benchmark-class --compare [--count 4] [--labs ...]
 * </pre>
 *
 * With {@code --compare}, the class is the reference solutions only, and each submission is graded
 * twice, one at a time: in the sandbox and with {@code --sandbox off}, the order alternating, so
 * that both meet the same load on a shared machine; it prints each lab's times and their ratio.
 */
public final class ClassBenchmark {
    private ClassBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options.main(args, ClassBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        java.util.Set<String> known = new java.util.HashSet<>(Options.LIMIT_OPTIONS);
        known.addAll(Set.of("count", "jobs"));
        Options o = new Options(args, known, Set.of("compare"));
        Course course = Course.find();
        if (o.flag("compare")) {
            compare(course, course.labs(o.get("labs", null)), o.integer("count", 4), o.limits());
            return;
        }
        int count = o.integer("count", 30);
        int jobs = o.integer("jobs", Runtime.getRuntime().availableProcessors());
        Path base = course.root.resolve("target/benchmark-class");
        Fs.deleteTree(base);
        List<String> labs = course.labs(o.get("labs", null));
        int starters = 0;
        for (int i = 0; i < count; i++) {
            Path student = base.resolve("submissions").resolve(String.format("student%02d", i + 1));
            for (int l = 0; l < labs.size(); l++) {
                String kind = i % 3 == 0 ? "solution" : i % 3 == 1 ? "starter" : l % 2 == 0 ? "solution" : "broken";
                handIn(course, labs.get(l), kind, student);
                starters += kind.equals("starter") ? 1 : 0;
            }
        }
        long prepareStart = System.nanoTime();
        Grader grader = Grader.prepare(course, labs, o.limits());
        double prepare = (System.nanoTime() - prepareStart) / 1e9;
        long start = System.nanoTime();
        GradeClass.run(grader, base.resolve("submissions"), base.resolve("graded"), jobs, true);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nbenchmark-class: %d submissions x %d lab(s) (%s), %d at a time on %d cores:"
                        + " graded in %.1f s (%.2f s a submission), after %.1f s preparing the course.%n",
                count, labs.size(), String.join(", ", labs), jobs, Runtime.getRuntime().availableProcessors(), seconds,
                seconds / count, prepare);
        System.out.printf("%d of its %d lab(s) handed in as the untouched starter took the grade of that starter's first run"
                + " (sandboxed only).%n", grader.startersTaken(), starters);
    }

    /** Each submission (a solution of every lab) graded sandboxed and unsandboxed in turn; the times side by side. */
    private static void compare(Course course, List<String> labs, int count, Limits limits) {
        Path base = course.root.resolve("target/benchmark-class");
        Fs.deleteTree(base);
        Map<String, Lab> prepared = Preparation.prepare(course, labs);
        Grader boxed = Grader.of(course, prepared, limits.withSandbox("require"));
        Grader open = Grader.of(course, prepared, limits.withSandbox("off"));
        double load = loadAverage();
        Map<String, double[]> seconds = new java.util.LinkedHashMap<>();
        labs.forEach(l -> seconds.put(l, new double[2]));
        double[] total = new double[2];
        for (int i = 0; i < count; i++) {
            Path student = base.resolve("submissions").resolve(String.format("student%02d", i + 1));
            labs.forEach(l -> handIn(course, l, "solution", student));
            for (int turn = 0; turn < 2; turn++) {
                int which = (i + turn) % 2; // 0 sandboxed, 1 unsandboxed; who goes first alternates
                SubmissionGrade g = (which == 0 ? boxed : open).grade(student.getFileName().toString(), student,
                        base.resolve("work-" + which));
                for (LabGrade l : g.labs()) {
                    seconds.get(l.lab())[which] += l.seconds();
                }
                total[which] += g.seconds();
                System.out.printf("%s %s: %d/%d in %.1f s (%s), load average %.2f%n", student.getFileName(),
                        which == 0 ? "sandboxed" : "unsandboxed", g.score(), g.maxScore(), g.seconds(), g.labs().stream()
                                .map(l -> String.format("%s %.1f s", l.lab(), l.seconds())).collect(java.util.stream.Collectors.joining(", ")),
                        loadAverage());
            }
        }
        System.out.printf("%nbenchmark-class --compare: %d submissions (the reference solutions), each graded sandboxed and"
                + " unsandboxed in turn, one at a time, on %d cores; load average %.2f before, %.2f after.%n",
                count, Runtime.getRuntime().availableProcessors(), load, loadAverage());
        System.out.printf("%-12s %12s %12s %7s%n", "lab", "sandboxed", "unsandboxed", "ratio");
        seconds.forEach((lab, t) -> System.out.printf("%-12s %10.1f s %10.1f s %7.2f%n", lab, t[0] / count, t[1] / count, t[0] / t[1]));
        System.out.printf("%-12s %10.1f s %10.1f s %7.2f%n", "submission", total[0] / count, total[1] / count, total[0] / total[1]);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Writes one lab of a generated submission: the solution, the starter, or the starter broken. */
    static void handIn(Course course, String lab, String kind, Path student) {
        String pkg = Labs.packageDir(lab);
        Path to = student.resolve(lab).resolve("src/main/java").resolve(pkg);
        if (kind.equals("solution")) {
            Fs.copyTree(course.root.resolve("solutions/src/main/java").resolve(pkg), to);
        } else {
            Fs.copyTree(course.lab(lab).resolve("src/main/java").resolve(pkg), to);
            if (kind.equals("broken")) {
                Fs.write(to.resolve("Broken.java"), "package " + pkg.replace('/', '.') + ";\nclass Broken { int x = ; }\n");
            }
        }
    }
}
