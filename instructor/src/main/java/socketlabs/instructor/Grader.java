package socketlabs.instructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Labs;

/**
 * Grades one submission. From the student's copy it takes only each lab's {@code src/main/java}
 * ({@link Intake}); tests, hidden tests, provided code and build settings come from the
 * instructor's copy. Each lab is compiled on its own ({@link Javac}), its compiled classes are
 * checked by the {@link CodePolicy}, then its tests run ({@link LabRun}), each test JVM in the
 * {@link Sandbox} with the runner as a named module ({@link RunnerModule}). Scores come from the
 * catalogue's points; what the feedback shows passes the {@link Secrets} check. The course's own
 * files, and everything the grader runs, are checked for changes after every test JVM ({@link Integrity}).
 */
final class Grader {
    final Course course;
    final Map<String, Lab> labs;
    final Limits limits;
    final Sandbox sandbox;
    private final Integrity trusted;
    // the runner as a named module, one per distinct test classpath (every lab has the same JUnit)
    private final Map<List<Path>, RunnerModule> runners = new LinkedHashMap<>();
    // each runner's runtime image for the test JVMs (RuntimeImage), or none: the JDK with --limit-modules
    private final Map<RunnerModule, Path> images = new java.util.HashMap<>();
    private final Path runnerDir;
    private boolean policyFails = true;
    private int labsAtOnce = 1;
    // each lab's untouched starter, graded once: the first such lab's grade, which every later one takes (gradeStarter)
    private final Map<String, CompletableFuture<StarterGrade>> starters = new ConcurrentHashMap<>();
    private final AtomicInteger startersTaken = new AtomicInteger();

    /** The grade of a lab's untouched starter, and the flags that its run raised (the rest are each student's own). */
    private record StarterGrade(LabGrade grade, List<String> runFlags) {
    }

    private Grader(Course course, Map<String, Lab> labs, Limits limits) {
        this.course = course;
        this.labs = labs;
        this.sandbox = limits.sandbox().equals("off") ? Sandbox.off() : Sandbox.detect();
        if (!sandbox.available() && limits.sandbox().equals("require")) {
            throw new IllegalArgumentException("--sandbox require: no sandbox can be made on this machine: " + sandbox.missing);
        }
        // without --test-timeout, the labs' own default (grading's junit-platform.properties), stated in the report
        Limits l = limits.testTimeout() != null ? limits : limits.withTestTimeout(course.defaultTestTimeout());
        this.limits = l.withSandboxed(sandbox.describe(l));
        if (!sandbox.available()) {
            System.err.println("\n!!! " + this.limits.sandboxed() + "\n");
        }
        try {
            this.runnerDir = Files.createTempDirectory("socketlabs-runner-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Fs.deleteTree(runnerDir), "grader-remove-runner"));
        for (Lab lab : labs.values()) {
            runners.computeIfAbsent(lab.deps(), d -> RunnerModule.build(d, runnerDir.resolve("m" + runners.size()),
                    course.root.resolve(PreparedLabs.DIR)));
        }
        Map<Path, Boolean> starts = new java.util.HashMap<>();
        for (RunnerModule r : runners.values()) {
            Path image = RuntimeImage.of(r, course.root.resolve(PreparedLabs.DIR), this.limits);
            if (image != null && starts.computeIfAbsent(image, this::startsInTheSandbox)) {
                images.put(r, image);
            }
        }
        List<Path> roots = new ArrayList<>();
        roots.add(Course.toolkitClasses());
        roots.addAll(images.values());
        roots.add(runnerDir);
        // everything the grader runs: tools/run is what the instructor's next command executes
        if (Files.isDirectory(course.root.resolve("tools"))) {
            roots.add(course.root.resolve("tools"));
        }
        roots.add(course.root.resolve("pom.xml"));
        for (Lab lab : labs.values()) {
            // the kept preparation, which the next run of a tool reads
            roots.add(PreparedLabs.file(course, lab.name()));
            roots.add(lab.dir().resolve("pom.xml"));
            roots.add(lab.dir().resolve("src"));
            lab.deps().stream().filter(p -> !roots.contains(p)).forEach(roots::add);
        }
        // the hashes of files unchanged since the last run (the runtime image, the jars) are taken from its memo
        this.trusted = Integrity.of(roots, course.root.resolve(PreparedLabs.DIR).resolve(PreparedLabs.FINGERPRINTS));
    }

    /** Whether a JVM of this runtime image starts in the sandbox: one that does not would fail every test. */
    private boolean startsInTheSandbox(Path image) {
        String started = sandbox.available() ? Sandbox.startsJvm(sandbox, image) : "version";
        if (started == null || !started.contains("version")) {
            System.err.println("note: the test JVMs start from the JDK: the runtime image did not start in the sandbox: "
                    + started);
            return false;
        }
        return true;
    }

    /** Prepares the course once (one Maven run, or what was kept of the last) for grading any number of submissions. */
    static Grader prepare(Course course, List<String> labNames, Limits limits) {
        return prepare(course, labNames, limits, false);
    }

    /** As {@link #prepare(Course, List, Limits)}; {@code fresh}: nothing kept from an earlier preparation is used. */
    static Grader prepare(Course course, List<String> labNames, Limits limits, boolean fresh) {
        return new Grader(course, Preparation.prepare(course, labNames, fresh), limits);
    }

    /** A grader for labs already prepared (by {@link Preparation#prepare}), so that one Maven run serves several. */
    static Grader of(Course course, Map<String, Lab> prepared, Limits limits) {
        return new Grader(course, prepared, limits);
    }

    /** The code policy's failing rules only flag, the tests run all the same (the toolkit's attack tests use this). */
    Grader policyFlagsOnly() {
        policyFails = false;
        return this;
    }

    /**
     * How many labs of one submission are graded at once, each with its own test JVMs (1 by default): 2 on a
     * 2-core machine grading one submission; 1 where submissions are already graded side by side (grade-class).
     */
    Grader labsAtOnce(int n) {
        labsAtOnce = Math.max(1, n);
        return this;
    }

    /** The labs at once that suit a machine with {@code cores} cores, {@code jobs} submissions graded side by side. */
    static int labsAtOnceFor(int cores, int jobs) {
        return Math.max(1, Math.min(2, cores / Math.max(1, jobs)));
    }

    SubmissionGrade grade(String student, Path submission, Path work) {
        long start = System.nanoTime();
        List<LabGrade> out = new ArrayList<>();
        if (labsAtOnce <= 1 || labs.size() <= 1) {
            for (Lab lab : labs.values()) {
                out.add(gradeLab(lab, submission, work.resolve(lab.name())));
            }
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(labsAtOnce, labs.size()));
            try {
                List<java.util.concurrent.Future<LabGrade>> graded = new ArrayList<>();
                for (Lab lab : labs.values()) {
                    graded.add(pool.submit(() -> gradeLab(lab, submission, work.resolve(lab.name()))));
                }
                for (java.util.concurrent.Future<LabGrade> f : graded) {
                    out.add(Processes.result(f, "grading"));
                }
            } finally {
                pool.shutdownNow();
            }
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
        if (sandbox.available() && isStarter(lab, src)) {
            return gradeStarter(lab, src, work, intake, start);
        }
        return gradeTaken(lab, src, work, intake, start, null);
    }

    /**
     * A lab whose sources are its starter's, byte for byte. The same code meets the same tests, so the first such lab
     * this grader meets is graded as any other, and every later one takes that grade, waiting for it if it is still
     * running (the starter fails every graded test: the build checks it). Only in the sandbox, where every test JVM
     * sees the same paths, so that no output can name another student's work folder; and only a run that every JVM
     * finished ({@link LabRun#endedEarly}), so that no limit's or crash's words reach every starter.
     */
    private LabGrade gradeStarter(Lab lab, Path src, Path work, Intake intake, long start) {
        CompletableFuture<StarterGrade> mine = new CompletableFuture<>();
        CompletableFuture<StarterGrade> first = starters.putIfAbsent(lab.name(), mine);
        if (first != null) {
            StarterGrade graded;
            try {
                graded = first.join();
            } catch (CompletionException | CancellationException e) {
                graded = null;
            }
            if (graded == null) {
                // the first one did not finish (its run stopped grading), or a JVM's end cut it short: graded in full
                return gradeTaken(lab, src, work, intake, start, null);
            }
            checkTrusted();
            startersTaken.incrementAndGet();
            List<String> flags = new ArrayList<>(intake.flags);
            flags.addAll(graded.runFlags());
            LabGrade g = graded.grade();
            return new LabGrade(lab.name(), g.state(), g.tests(), g.compilerOutput(), intake.notes, dedupe(flags), seconds(start));
        }
        int before = intake.flags.size();
        try {
            AtomicBoolean endedEarly = new AtomicBoolean();
            LabGrade g = gradeTaken(lab, src, work, intake, start, endedEarly);
            if (g.state() == LabGrade.State.GRADED && !endedEarly.get()) {
                mine.complete(new StarterGrade(g, List.copyOf(intake.flags.subList(before, intake.flags.size()))));
            } else {
                // an outcome that a JVM's end or a limit made (a busy machine, the sandbox) is not every starter's: the
                // labs waiting grade themselves, and the next starter lab runs as the first
                starters.remove(lab.name(), mine);
                mine.complete(null);
            }
            return g;
        } catch (RuntimeException | Error e) {
            starters.remove(lab.name(), mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many labs took the grade of their untouched starter's first run ({@link #gradeStarter}). */
    int startersTaken() {
        return startersTaken.get();
    }

    /** Whether the sources taken are the lab's starter, byte for byte: the same files with the same contents, none more. */
    private static boolean isStarter(Lab lab, Path src) {
        Path starter = lab.pristine("src/main/java");
        List<Path> taken = Fs.files(src, ".java");
        List<Path> given = Fs.files(starter, ".java");
        if (taken.size() != given.size()) {
            return false;
        }
        try {
            for (int i = 0; i < taken.size(); i++) {
                if (!Fs.rel(src, taken.get(i)).equals(Fs.rel(starter, given.get(i)))
                        || Files.mismatch(taken.get(i), given.get(i)) != -1) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /** Compiles the sources taken, checks them, runs the lab's tests; {@code endedEarly}, if given, as the run was. */
    private LabGrade gradeTaken(Lab lab, Path src, Path work, Intake intake, long start, AtomicBoolean endedEarly) {
        List<Path> mainSources = new ArrayList<>(Fs.files(src, ".java"));
        mainSources.addAll(Fs.files(lab.pristine("src/provided/java"), ".java"));
        Path classes = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        String errors = Javac.compile(course.release(), mainSources, lab.deps(), classes, work, lab.dir());
        if (errors != null) {
            return allFailed(lab, LabGrade.State.DID_NOT_COMPILE, "not run: " + lab.name() + " did not compile (see the"
                    + " compiler's messages)", errors, intake, start);
        }
        String refused = applyPolicy(classes, Intake.provided(lab), intake.flags);
        if (refused != null) {
            return allFailed(lab, LabGrade.State.REFUSED_BY_POLICY, refused, null, intake, start);
        }
        Fs.copyTree(lab.pristine("src/main/resources"), classes);
        List<Path> testSources = new ArrayList<>(Fs.files(lab.pristine("src/test/java"), ".java"));
        testSources.addAll(Fs.files(lab.pristine("src/hidden/java"), ".java"));
        List<Path> testCp = new ArrayList<>(lab.deps());
        testCp.add(classes);
        errors = Javac.compile(course.release(), testSources, testCp, testClasses, work, lab.dir());
        Secrets secrets = secrets(lab, src, testClasses);
        if (errors != null) {
            return allFailed(lab, LabGrade.State.DID_NOT_COMPILE, "not run: the lab's tests do not compile against this code",
                    "The tests could not be compiled against this code: a public class, method or constant that the"
                            + " starter declares was changed or removed. Keep the starter's names and signatures.\n\n"
                            + secrets.shownLines(errors), intake, start);
        }
        Fs.copyTree(lab.pristine("src/test/resources"), testClasses);
        // the visible tests' JVMs, whose outputs the student sees, get no hidden test's class to read and encode
        Path visibleTests = work.resolve("visible-test-classes");
        Set<String> hidden = hiddenNames(lab);
        Fs.copyTree(testClasses, visibleTests, p -> p.toString().endsWith(".class")
                && hidden.contains(p.toString().replace('\\', '/').replaceAll("(\\$.*)?\\.class$", "")));
        RunnerModule runner = runners.get(lab.deps());
        LabRun run = new LabRun(lab, limits, this::checkTrusted, sandbox, runner, images.get(runner), secrets);
        List<GradedTest> tests = run.run(work, classes, testClasses, visibleTests, intake.flags);
        if (endedEarly != null) {
            endedEarly.set(run.endedEarly());
        }
        if (tests == null) {
            return allFailed(lab, LabGrade.State.CHANGED_TESTS, EndWording.CHANGED_TESTS, null, intake, start);
        }
        return new LabGrade(lab.name(), LabGrade.State.GRADED, tests, null, intake.notes, dedupe(intake.flags), seconds(start));
    }

    /**
     * The code policy on the student's compiled classes ({@link CodePolicy}): every finding becomes a flag; a
     * finding of a rule that fails the lab returns why no test is run (null when the tests may run).
     */
    private String applyPolicy(Path classes, Set<String> provided, List<String> flags) {
        Set<String> seen = new LinkedHashSet<>();
        String refused = null;
        for (CodePolicy.Finding f : CodePolicy.check(classes, provided)) {
            if (seen.add(f.where() + " " + f.rule().says())) {
                flags.add(f.toString());
                if (f.rule().fails() && policyFails && refused == null) {
                    refused = "not run: the code " + f.rule().says() + " (" + f.ref() + ", in " + f.where() + "), which the grader's"
                            + " code policy does not allow in graded code; the instructor sees the details";
                }
            }
        }
        return refused;
    }

    /**
     * The course text this lab's feedback must not carry: the hidden tests (sources and their compiled classes)
     * and, without the sandbox, the lab's reference solution, less what the student has anyway (starter, visible
     * tests, provided code, their own sources, the visible tests' classes). In the sandbox no test JVM can read the
     * solution (the course is not in it, and each JVM's /tmp is its own), so its text would catch nothing but
     * coincidences: a visible test's message that quotes what the solution throws, as lab04's
     * {@code MalformedPacketException("IHL", ...)} does, withheld from a starter and flagged as read.
     */
    private Secrets secrets(Lab lab, Path studentSources, Path testClasses) {
        Set<String> hiddenNames = hiddenNames(lab);
        List<Path> secret = new ArrayList<>(Fs.files(lab.pristine("src/hidden/java"), ".java"));
        if (!sandbox.available()) {
            secret.addAll(Fs.files(course.root.resolve("solutions/src/main/java").resolve(Labs.packageDir(lab.name())), ".java"));
        }
        List<Path> known = new ArrayList<>();
        for (String dir : List.of("src/main/java", "src/test/java", "src/provided/java")) {
            known.addAll(Fs.files(lab.pristine(dir), ".java"));
        }
        known.addAll(Fs.files(studentSources, ".java"));
        for (Path c : Fs.files(testClasses, ".class")) {
            String name = Fs.rel(testClasses, c).replaceAll("(\\$.*)?\\.class$", "");
            (hiddenNames.contains(name) ? secret : known).add(c);
        }
        return new Secrets(secret, known);
    }

    /** The hidden tests' top-level classes, as paths without ".class" (socketlabs/lab01/HiddenPortsTest). */
    private static Set<String> hiddenNames(Lab lab) {
        return Fs.files(lab.pristine("src/hidden/java"), ".java").stream()
                .map(p -> Fs.rel(lab.pristine("src/hidden/java"), p).replaceAll("\\.java$", "")).collect(Collectors.toSet());
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
