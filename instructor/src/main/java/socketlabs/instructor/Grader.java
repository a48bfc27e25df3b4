package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Grades one submission. From the student's copy it takes only each lab's {@code src/main/java}
 * (the lab's own package); tests, hidden tests, provided code and build settings come from the
 * instructor's copy. Each lab is compiled on its own (javac, in this process: compiling runs no
 * student code), then each test class runs in a JVM of its own under {@link Limits}, reporting
 * over a signed channel ({@link TestJvm}). Scores come from the catalogue's points.
 */
final class Grader {
    private static final Pattern RELEASE = Pattern.compile("<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>");
    private static final int MAX_SOURCE_BYTES = 1 << 20;
    final Course course;
    final Map<String, Lab> labs;
    final Limits limits;
    private final Integrity trusted;
    private final String release;
    final Sandbox sandbox;
    private boolean policyFails = true;
    // the runner as a named module, one per distinct test classpath (every lab has the same JUnit)
    private final Map<List<Path>, RunnerModule> runners = new LinkedHashMap<>();
    private final Path runnerDir;

    private Grader(Course course, Map<String, Lab> labs, Limits limits) {
        this.course = course;
        this.labs = labs;
        this.sandbox = limits.sandbox().equals("off") ? Sandbox.off() : Sandbox.detect();
        if (!sandbox.available() && limits.sandbox().equals("require")) {
            throw new IllegalArgumentException("--sandbox require: no sandbox can be made on this machine: " + sandbox.missing);
        }
        // without --test-timeout, the labs' own default (grading's junit-platform.properties), stated in the report
        Limits l = limits.testTimeout() != null ? limits : limits.withTestTimeout(defaultTestTimeout(course));
        this.limits = l.withSandboxed(sandbox.describe(l));
        if (!sandbox.available()) {
            System.err.println("\n!!! " + this.limits.sandboxed() + "\n");
        }
        this.release = release(course);
        try {
            this.runnerDir = Files.createTempDirectory("socketlabs-runner-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Fs.deleteTree(runnerDir), "grader-remove-runner"));
        for (Lab lab : labs.values()) {
            runners.computeIfAbsent(lab.deps(), d -> RunnerModule.build(d, runnerDir.resolve("m" + runners.size())));
        }
        List<Path> roots = new ArrayList<>();
        roots.add(runnerDir);
        // everything the grader runs: tools/run is what the instructor's next command executes
        if (Files.isDirectory(course.root.resolve("tools"))) {
            roots.add(course.root.resolve("tools"));
        }
        roots.add(Course.toolkitClasses());
        roots.add(course.root.resolve("pom.xml"));
        for (Lab lab : labs.values()) {
            roots.add(lab.dir().resolve("pom.xml"));
            roots.add(lab.dir().resolve("src"));
            lab.deps().stream().filter(p -> !roots.contains(p)).forEach(roots::add);
        }
        this.trusted = Integrity.of(roots);
    }

    private static String defaultTestTimeout(Course course) {
        Path props = course.root.resolve("grading/src/main/resources/junit-platform.properties");
        if (Files.isRegularFile(props)) {
            Matcher m = Pattern.compile("(?m)^\\s*junit\\.jupiter\\.execution\\.timeout\\.default\\s*=\\s*(.+?)\\s*$")
                    .matcher(Fs.read(props));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Prepares the course once (one Maven run) for grading any number of submissions. */
    static Grader prepare(Course course, List<String> labNames, Limits limits) {
        return new Grader(course, course.prepare(labNames), limits);
    }

    /** A grader for labs already prepared (by {@link Course#prepare}), so that one Maven run serves several. */
    static Grader of(Course course, Map<String, Lab> prepared, Limits limits) {
        return new Grader(course, prepared, limits);
    }

    Results.Submission grade(String student, Path submission, Path work) {
        long start = System.nanoTime();
        List<Results.LabResult> out = new ArrayList<>();
        for (Lab lab : labs.values()) {
            out.add(gradeLab(lab, submission, work.resolve(lab.name())));
        }
        return new Results.Submission(student, out, limits, Instant.now(), (System.nanoTime() - start) / 1e9);
    }

    private Results.LabResult gradeLab(Lab lab, Path submission, Path work) {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        checkTrusted();
        Fs.deleteTree(work);
        Path studentDir = Submission.findLab(submission, lab.name());
        if (studentDir == null || !Files.isDirectory(studentDir.resolve("src/main/java"))) {
            return allFailed(lab, "not handed in", "not run: the submission has no " + lab.name() + "/src/main/java", null,
                    notes, flags, start);
        }
        // the student's sources: only .java files of the lab's own package, never one of the provided files
        Path src = work.resolve("src");
        Path studentJava = studentDir.resolve("src/main/java");
        Set<String> provided = Fs.files(lab.pristine("src/provided/java"), ".java").stream()
                .map(p -> rel(lab.pristine("src/provided/java"), p)).collect(Collectors.toSet());
        String pkg = Course.packageDir(lab.name()) + "/";
        for (Path f : Fs.files(studentJava, ".java")) {
            String rel = rel(studentJava, f);
            if (Files.isSymbolicLink(f)) {
                notes.add("ignored " + rel + ": a symbolic link");
            } else if (!rel.startsWith(pkg)) {
                notes.add("ignored " + rel + ": only files in " + pkg + " are graded");
            } else if (provided.contains(rel)) {
                notes.add("ignored " + rel + ": it is provided code, taken from the course");
            } else if (fileSize(f) > MAX_SOURCE_BYTES) {
                notes.add("ignored " + rel + ": larger than 1 MB");
            } else {
                copy(f, src.resolve(rel));
            }
        }
        List<Path> mainSources = new ArrayList<>(Fs.files(src, ".java"));
        mainSources.addAll(Fs.files(lab.pristine("src/provided/java"), ".java"));
        Path classes = work.resolve("classes");
        Path testClasses = work.resolve("test-classes");
        String errors = compile(mainSources, lab.deps(), classes, work, lab.dir());
        if (errors != null) {
            return allFailed(lab, "did not compile", "not run: " + lab.name() + " did not compile (see the compiler's messages)",
                    errors, notes, flags, start);
        }
        String refused = applyPolicy(classes, provided, flags);
        if (refused != null) {
            return allFailed(lab, "stopped: the code policy", refused, null, notes, flags, start);
        }
        copyTree(lab.pristine("src/main/resources"), classes);
        List<Path> testSources = new ArrayList<>(Fs.files(lab.pristine("src/test/java"), ".java"));
        testSources.addAll(Fs.files(lab.pristine("src/hidden/java"), ".java"));
        List<Path> testCp = new ArrayList<>(lab.deps());
        testCp.add(classes);
        errors = compile(testSources, testCp, testClasses, work, lab.dir());
        Secrets secrets = secrets(lab, src, testClasses);
        if (errors != null) {
            return allFailed(lab, "did not compile", "not run: the lab's tests do not compile against this code",
                    "The tests could not be compiled against this code: a public class, method or constant that the"
                            + " starter declares was changed or removed. Keep the starter's names and signatures.\n\n"
                            + secrets.shownLines(errors), notes, flags, start);
        }
        copyTree(lab.pristine("src/test/resources"), testClasses);
        return runTests(lab, work, classes, testClasses, notes, flags, start, secrets);
    }

    /**
     * The course text this lab's feedback must not carry: the hidden tests (sources and their compiled classes)
     * and the lab's reference solution, less what the student has anyway (starter, visible tests, provided code,
     * their own sources, the visible tests' classes).
     */
    private Secrets secrets(Lab lab, Path studentSources, Path testClasses) {
        Set<String> hiddenNames = Fs.files(lab.pristine("src/hidden/java"), ".java").stream()
                .map(p -> rel(lab.pristine("src/hidden/java"), p).replaceAll("\\.java$", "")).collect(Collectors.toSet());
        List<Path> secret = new ArrayList<>(Fs.files(lab.pristine("src/hidden/java"), ".java"));
        secret.addAll(Fs.files(course.root.resolve("solutions/src/main/java").resolve(Course.packageDir(lab.name())), ".java"));
        List<Path> known = new ArrayList<>();
        for (String dir : List.of("src/main/java", "src/test/java", "src/provided/java")) {
            known.addAll(Fs.files(lab.pristine(dir), ".java"));
        }
        known.addAll(Fs.files(studentSources, ".java"));
        for (Path c : Fs.files(testClasses, ".class")) {
            String name = rel(testClasses, c).replaceAll("(\\$.*)?\\.class$", "");
            (hiddenNames.contains(name) ? secret : known).add(c);
        }
        return new Secrets(secret, known);
    }

    private Results.LabResult runTests(Lab lab, Path work, Path classes, Path testClasses, List<String> notes,
                                       List<String> flags, long start, Secrets secrets) {
        Integrity compiled = Integrity.of(List.of(classes, testClasses));
        Path run = work.resolve("run");
        Path tmp = work.resolve("tmp");
        mkdirs(run);
        mkdirs(tmp);
        List<String> config = new ArrayList<>(List.of("junit.jupiter.extensions.autodetection.enabled=false"));
        if (limits.testTimeout() != null) {
            config.add("junit.jupiter.execution.timeout.default=" + limits.testTimeout());
        }
        Map<String, Results.Test> results = new LinkedHashMap<>();
        long labDeadline = System.nanoTime() + limits.labSeconds() * 1_000_000_000L;
        for (String testClass : lab.testClasses()) {
            Set<String> remaining = lab.catalogue().stream().filter(e -> e.className().equals(testClass))
                    .map(Lab.Entry::key).collect(Collectors.toCollection(LinkedHashSet::new));
            boolean first = true;
            while (!remaining.isEmpty()) {
                long left = (labDeadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    failAll(lab, remaining, results, "not run: the lab's time limit of " + limits.labSeconds()
                            + " s was used up by the tests before it");
                    break;
                }
                long limitMillis = Math.min(limits.classSeconds() * 1000L, left);
                TestJvm.Outcome o;
                boolean memoryLimit;
                try (Sandbox.Jail jail = sandbox.new Jail(usesNativeCode(lab))) {
                    List<String> cmd = testJvmCommand(jail, lab, classes, testClasses, tmp);
                    cmd.add(testClass);
                    cmd.addAll(config);
                    o = TestJvm.run(jail.command(cmd, limits), run, first ? "*" : String.join("\t", remaining), limitMillis);
                    memoryLimit = jail.memoryLimitHit();
                }
                checkTrusted();
                List<String> changed = compiled.changes();
                if (!changed.isEmpty()) {
                    // the code under test rewrote what the next JVM would load: nothing in this lab counts
                    flags.add("the code under test changed compiled classes while the tests ran: " + changed);
                    return allFailed(lab, "stopped: the code under test changed the compiled tests",
                            "not counted: the code under test changed the compiled tests or classes while they ran,"
                                    + " so no result of this lab can be trusted", null, notes, flags, start);
                }
                first = false;
                String runningKey = null;
                boolean threadLimit = false;
                for (Map<?, ?> e : o.events()) {
                    Object key = e.get("key");
                    switch (String.valueOf(e.get("e"))) {
                        case "start":
                            if (remaining.contains(key)) {
                                runningKey = (String) key;
                            }
                            break;
                        case "end":
                            if (remaining.remove(key)) {
                                String output = secrets.shown(String.valueOf(e.get("output")));
                                if (output.equals(Secrets.WITHHELD)) {
                                    flags.add("the output of " + key + " carried text of the hidden tests or the"
                                            + " solution (the code under test read course files?); it was withheld");
                                }
                                results.put((String) key, new Results.Test(entry(lab, (String) key),
                                        String.valueOf(e.get("status")), output));
                                if (key.equals(runningKey)) {
                                    runningKey = null;
                                }
                            }
                            break;
                        case "limit":
                            threadLimit = true;
                            break;
                        default:
                            break;
                    }
                }
                if (o.done()) {
                    failAll(lab, remaining, results, "not run: the test JVM finished without running this test");
                    break;
                }
                String why = whyEnded(o, threadLimit, memoryLimit, limitMillis);
                if (runningKey != null) {
                    remaining.remove(runningKey);
                    results.put(runningKey, new Results.Test(entry(lab, runningKey), "failed", why));
                } else {
                    failAll(lab, remaining, results, "could not run: " + why);
                }
            }
        }
        List<Results.Test> tests = lab.catalogue().stream()
                .map(e -> results.getOrDefault(e.key(), new Results.Test(e, "not run", "not run")))
                .collect(Collectors.toList());
        return new Results.LabResult(lab.name(), "graded", tests, null, notes, dedupe(flags), seconds(start));
    }

    private String whyEnded(TestJvm.Outcome o, boolean threadLimit, boolean memoryLimit, long limitMillis) {
        if (memoryLimit) {
            return "The test JVM was stopped by the kernel: the code under test used more than the memory limit of the"
                    + " whole JVM (" + Sandbox.memoryMegabytes(limits) + " MB, heap and native memory together). Look for data"
                    + " that grows without end, or threads started without end.";
        }
        if (threadLimit) {
            return "The test JVM was stopped: the code under test had more than " + limits.maxThreads()
                    + " threads alive at once. Start threads in bounded numbers (a pool), and end them.";
        }
        if (o.timedOut()) {
            String limit = limitMillis < limits.classSeconds() * 1000L
                    ? "when the lab's time limit of " + limits.labSeconds() + " s ran out"
                    : "after " + limits.classSeconds() + " s, the time limit for a test class";
            return "Timed out: the grader stopped the test JVM " + limit + ". " + socketlabs.grading.TestFacts.TIMEOUT_HINT;
        }
        if (o.stderrTail().contains("OutOfMemoryError")) {
            return "The test JVM ran out of memory (heap limit " + limits.heapMegabytes() + " MB). Look for data that"
                    + " grows without end: a buffer, a list, or a read loop that never stops.";
        }
        return "The test JVM exited while this test was running (exit code " + o.exitCode() + "): System.exit(),"
                + " Runtime.halt() or a crash in the code under test. Code under test must return or throw, never end the JVM.";
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

    /** The code policy's failing rules only flag, the tests run all the same (the toolkit's attack tests use this). */
    Grader policyFlagsOnly() {
        policyFails = false;
        return this;
    }

    /** Whether a lab's tests call native code (lab04's raw sockets, through JNA): such a JVM keeps CAP_NET_RAW. */
    private static boolean usesNativeCode(Lab lab) {
        return lab.deps().stream().anyMatch(p -> p.getFileName().toString().startsWith("jna-"));
    }

    /**
     * The command of one test JVM, up to the test class: the runner as a named module, JUnit on the module
     * path, the tests and the student's classes on the class path; paths as the sandbox shows them.
     */
    private List<String> testJvmCommand(Sandbox.Jail jail, Lab lab, Path classes, Path testClasses, Path tmp) {
        RunnerModule runner = runners.get(lab.deps());
        List<String> modulePath = new ArrayList<>();
        modulePath.add(jail.readOnly(runner.dir, "runner"));
        runner.modulePath.forEach(p -> modulePath.add(jail.readOnly(p, p.getFileName().toString())));
        List<String> cp = new ArrayList<>();
        runner.classPath.forEach(p -> cp.add(jail.readOnly(p, p.getFileName().toString())));
        String tests = jail.readOnly(testClasses, "test-classes");
        cp.add(tests);
        cp.add(jail.readOnly(classes, "classes")); // last: nothing the student writes can shadow a test or the grading code
        List<String> cmd = new ArrayList<>(List.of(jail.java(), "-Xmx" + limits.heapMegabytes() + "m",
                "-XX:MaxMetaspaceSize=256m", "-XX:CompressedClassSpaceSize=128m", "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                // the quick compiler only: a third less CPU for these short runs, which matters on a shared grader
                "-XX:TieredStopAtLevel=1",
                "-XX:+DisableAttachMechanism", "-Djava.io.tmpdir=" + (sandbox.available() ? Sandbox.TMP : tmp.toString()),
                // in the sandbox the uid has no home: JNA unpacks its library into the private /tmp
                "-Duser.home=" + (sandbox.available() ? Sandbox.TMP : System.getProperty("user.home")),
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "--limit-modules", String.join(",", runner.modules), "--add-modules", "ALL-SYSTEM,ALL-MODULE-PATH",
                "--module-path", String.join(File.pathSeparator, modulePath), "-cp", String.join(File.pathSeparator, cp)));
        if (Runtime.version().feature() >= 24) {
            // native code only where the lab's provided code needs it (JNA); its use by the student's code is the policy's to catch
            cmd.add(usesNativeCode(lab) ? "--enable-native-access=ALL-UNNAMED" : "--illegal-native-access=deny");
        }
        cmd.addAll(List.of("-m", RunnerModule.MAIN, "run", String.valueOf(limits.maxThreads()), tests));
        return cmd;
    }

    private void checkTrusted() {
        List<String> changed = trusted.changes();
        if (!changed.isEmpty()) {
            throw new IllegalStateException("The course's own files changed while grading, so no result after this"
                    + " point can be trusted; grading stopped. Restore the course (git status, then ./mvnw clean verify)"
                    + " and look at the submission being graded. Changed: " + changed);
        }
    }

    private Results.LabResult allFailed(Lab lab, String state, String output, String compilerOutput, List<String> notes,
                                        List<String> flags, long start) {
        List<Results.Test> tests = lab.catalogue().stream().map(e -> new Results.Test(e, "failed", output))
                .collect(Collectors.toList());
        return new Results.LabResult(lab.name(), state, tests, compilerOutput, notes, dedupe(flags), seconds(start));
    }

    private static void failAll(Lab lab, Set<String> keys, Map<String, Results.Test> results, String output) {
        for (String k : keys) {
            results.put(k, new Results.Test(entry(lab, k), "failed", output));
        }
        keys.clear();
    }

    private static Lab.Entry entry(Lab lab, String key) {
        return lab.catalogue().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    /** Compiles; null when it worked, otherwise the compiler's errors with paths relative to the lab. */
    private String compile(List<Path> sources, List<Path> classpath, Path out, Path work, Path labDir) {
        return compile(release, sources, classpath, out, work, labDir);
    }

    static String release(Course course) {
        Matcher m = RELEASE.matcher(course.pom());
        return m.find() ? m.group(1) : "17";
    }

    /** Compiles; null when it worked, otherwise the compiler's errors with paths relative to the lab. */
    static String compile(String release, List<Path> sources, List<Path> classpath, Path out, Path work, Path labDir) {
        mkdirs(out);
        if (sources.isEmpty()) {
            return null;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the grader needs a JDK (javac), not only a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", release, "-encoding", "UTF-8", "-proc:none", "-g", "-nowarn",
                    "-implicit:none", "-Xmaxerrs", "50", "-d", out.toString(), "-cp",
                    classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            StringWriter javacOut = new StringWriter();
            boolean ok = javac.getTask(javacOut, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return null;
            }
            StringBuilder msg = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String where = d.getSource() == null ? "" : shortPath(Path.of(d.getSource().toUri()), work, labDir)
                        + ":" + d.getLineNumber() + ": ";
                msg.append(where).append("error: ").append(d.getMessage(Locale.ROOT)).append('\n');
                msg.append(sourceLine(d));
            }
            return msg.length() == 0 ? javacOut.toString() : msg.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line the error is on, and a caret under its column, as javac prints them. */
    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() < 1) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(d.getSource().toUri()), StandardCharsets.UTF_8);
            String line = lines.get((int) d.getLineNumber() - 1);
            long column = Math.max(1, d.getColumnNumber());
            return "    " + line + "\n    " + " ".repeat((int) Math.min(column - 1, line.length())) + "^\n";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** src/main/java/socketlabs/lab01/Ports.java rather than a path in the grader's work folder. */
    private static String shortPath(Path file, Path work, Path labDir) {
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(work.resolve("src"))) {
            return "src/main/java/" + rel(work.resolve("src"), f);
        }
        if (f.startsWith(labDir)) {
            return rel(labDir, f);
        }
        return f.getFileName().toString();
    }

    private static List<String> dedupe(List<String> list) {
        return new ArrayList<>(new LinkedHashSet<>(list));
    }

    private static String rel(Path base, Path file) {
        return base.relativize(file).toString().replace(File.separatorChar, '/');
    }

    private static long fileSize(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        if (Files.isDirectory(from)) {
            Fs.copyTree(from, to);
        }
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
