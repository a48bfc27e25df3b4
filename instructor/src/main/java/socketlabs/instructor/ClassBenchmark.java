package socketlabs.instructor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import socketlabs.grading.Labs;

/**
 * Generates a class of submissions from the course itself and grades it as tools/grade-class
 * would, printing the time. A third hand in the solutions, a third the untouched starters, a
 * third a mix (solutions in every other lab, code that does not compile in the rest).
 *
 * <pre>
 * tools/benchmark-class [--count 30] [--jobs N] [--labs ...]
 * </pre>
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
        Options o = new Options(args, known, Set.of());
        Course course = Course.find();
        int count = o.integer("count", 30);
        int jobs = o.integer("jobs", Runtime.getRuntime().availableProcessors());
        Path base = course.root.resolve("target/benchmark-class");
        Fs.deleteTree(base);
        List<String> labs = course.labs(o.get("labs", null));
        for (int i = 0; i < count; i++) {
            Path student = base.resolve("submissions").resolve(String.format("student%02d", i + 1));
            for (int l = 0; l < labs.size(); l++) {
                String kind = i % 3 == 0 ? "solution" : i % 3 == 1 ? "starter" : l % 2 == 0 ? "solution" : "broken";
                handIn(course, labs.get(l), kind, student);
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
