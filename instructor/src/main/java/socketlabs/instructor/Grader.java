package socketlabs.instructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import socketlabs.grading.GradedTest;

/**
 * Grades one submission. From the student's copy it takes only each lab's {@code src/main/java}
 * ({@link Intake}); tests, hidden tests, provided code and build settings come from the
 * instructor's copy. Each lab is compiled on its own ({@link Javac}), then its tests run
 * ({@link LabRun}). Scores come from the catalogue's points. The course's own files are checked
 * for changes after every test JVM ({@link Integrity}).
 */
final class Grader {
    final Course course;
    final Map<String, Lab> labs;
    final Limits limits;
    private final Integrity trusted;

    private Grader(Course course, Map<String, Lab> labs, Limits limits) {
        this.course = course;
        this.labs = labs;
        // without --test-timeout, the labs' own default (grading's junit-platform.properties), stated in the report
        this.limits = limits.testTimeout() != null ? limits : limits.withTestTimeout(course.defaultTestTimeout());
        List<Path> roots = new ArrayList<>();
        roots.add(Course.toolkitClasses());
        roots.add(course.root.resolve("pom.xml"));
        for (Lab lab : labs.values()) {
            roots.add(lab.dir().resolve("pom.xml"));
            roots.add(lab.dir().resolve("src"));
            lab.deps().stream().filter(p -> !roots.contains(p)).forEach(roots::add);
        }
        this.trusted = Integrity.of(roots);
    }

    /** Prepares the course once (one Maven run) for grading any number of submissions. */
    static Grader prepare(Course course, List<String> labNames, Limits limits) {
        return new Grader(course, Preparation.prepare(course, labNames), limits);
    }

    /** A grader for labs already prepared (by {@link Preparation#prepare}), so that one Maven run serves several. */
    static Grader of(Course course, Map<String, Lab> prepared, Limits limits) {
        return new Grader(course, prepared, limits);
    }

    SubmissionGrade grade(String student, Path submission, Path work) {
        long start = System.nanoTime();
        List<LabGrade> out = new ArrayList<>();
        for (Lab lab : labs.values()) {
            out.add(gradeLab(lab, submission, work.resolve(lab.name())));
        }
        return new SubmissionGrade(student, out, limits, Instant.now(), seconds(start));
    }

    private LabGrade gradeLab(Lab lab, Path submission, Path work) {
        long start = System.nanoTime();
        Intake intake = new Intake();
        checkTrusted();
        Fs.deleteTree(work);
        Path studentDir = Submission.findLab(submission, lab.name());
        if (studentDir == null || !Files.isDirectory(studentDir.resolve("src/main/java"))) {
            return allFailed(lab, LabGrade.State.NOT_HANDED_IN, "not run: the submission has no " + lab.name()
                    + "/src/main/java", null, intake, start);
        }
        Path src = work.resolve("src");
        intake.take(lab, studentDir.resolve("src/main/java"), src);
        List<Path> mainSources = new ArrayList<>(Fs.files(src, ".java"));
        mainSources.addAll(Fs.files(lab.pristine("src/provided/java"), ".java"));
        Path classes = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        String errors = Javac.compile(course.release(), mainSources, lab.deps(), classes, work, lab.dir());
        if (errors != null) {
            return allFailed(lab, LabGrade.State.DID_NOT_COMPILE, "not run: " + lab.name() + " did not compile (see the"
                    + " compiler's messages)", errors, intake, start);
        }
        Fs.copyTree(lab.pristine("src/main/resources"), classes);
        List<Path> testSources = new ArrayList<>(Fs.files(lab.pristine("src/test/java"), ".java"));
        testSources.addAll(Fs.files(lab.pristine("src/hidden/java"), ".java"));
        List<Path> testCp = new ArrayList<>(lab.deps());
        testCp.add(classes);
        errors = Javac.compile(course.release(), testSources, testCp, testClasses, work, lab.dir());
        if (errors != null) {
            return allFailed(lab, LabGrade.State.DID_NOT_COMPILE, "not run: the lab's tests do not compile against this code",
                    "The tests could not be compiled against this code: a public class, method or constant that the"
                            + " starter declares was changed or removed. Keep the starter's names and signatures.\n\n"
                            + errors, intake, start);
        }
        Fs.copyTree(lab.pristine("src/test/resources"), testClasses);
        List<GradedTest> tests = new LabRun(lab, limits, this::checkTrusted).run(work, classes, testClasses, intake.flags);
        if (tests == null) {
            return allFailed(lab, LabGrade.State.CHANGED_TESTS, EndWording.CHANGED_TESTS, null, intake, start);
        }
        return new LabGrade(lab.name(), LabGrade.State.GRADED, tests, null, intake.notes, dedupe(intake.flags), seconds(start));
    }

    private void checkTrusted() {
        List<String> changed = trusted.changes();
        if (!changed.isEmpty()) {
            throw new IllegalStateException("The course's own files changed while grading, so no result after this"
                    + " point can be trusted; grading stopped. Restore the course (git status, then ./mvnw clean verify)"
                    + " and look at the submission being graded. Changed: " + changed);
        }
    }

    private LabGrade allFailed(Lab lab, LabGrade.State state, String output, String compilerOutput, Intake intake, long start) {
        return new LabGrade(lab.name(), state, failedAll(lab, output), compilerOutput, intake.notes, dedupe(intake.flags),
                seconds(start));
    }

    /** Every test of the lab, failed with the same output: what a lab gets when none of its tests could run. */
    static List<GradedTest> failedAll(Lab lab, String output) {
        return lab.catalogue().stream().map(t -> t.withOutcome(GradedTest.Status.FAILED, output)).toList();
    }

    private static List<String> dedupe(List<String> list) {
        return new ArrayList<>(new LinkedHashSet<>(list));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
