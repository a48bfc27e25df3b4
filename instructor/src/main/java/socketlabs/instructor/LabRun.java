package socketlabs.instructor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;

/**
 * Runs one lab's compiled tests against a submission: its visible test classes in one JVM and its
 * hidden ones in another, each in the {@link Sandbox} and under the {@link Limits}. A JVM runs its
 * tests side by side (JUnit's parallel execution, as the labs' junit-platform.properties sets it).
 * When a JVM ends early (it exits, crashes, or is stopped at a limit), no test that ran beside others
 * can be blamed: the tests it had not finished run again in a fresh JVM, one at a time, where the
 * test running at the end fails with the reason. A test that fails side by side runs again one at a
 * time too (beside others it may have lost to them), and that outcome is its grade. A test that runs
 * past the time one test may take is known by its own clock; side by side that stops the JVM and charges
 * no one (the test may only have waited on another), and one at a time it fails. An end
 * that no test can be blamed for runs the classes left in a JVM each. Outcomes come only from the JVMs' {@link Event}s, and their outputs
 * are shown only as the {@link Secrets} allow.
 */
final class LabRun {
    /** The configuration parameter that runs a JVM's tests one at a time, where an early end blames exactly one. */
    static final String ONE_AT_A_TIME = "junit.jupiter.execution.parallel.enabled=false";
    private static final java.util.regex.Pattern TIMED_OUT = java.util.regex.Pattern.compile("Timed out: [\\w$]+\\([\\w$.,\\[\\] ]*\\)"
            + " timed out after [0-9]+ (seconds|milliseconds|minutes)\\. " + java.util.regex.Pattern.quote(socketlabs.grading.TestFacts.TIMEOUT_HINT));
    private final Lab lab;
    private final Limits limits;
    private final Runnable checkCourse;
    private final Sandbox sandbox;
    private final RunnerModule runner;
    private final Path image;
    private final Secrets secrets;
    private final Map<String, GradedTest> results = new LinkedHashMap<>();
    private List<String> flags;
    private boolean endedEarly;

    /** {@code checkCourse} runs after every JVM: it throws when the course's own files changed. */
    LabRun(Lab lab, Limits limits, Runnable checkCourse, Sandbox sandbox, RunnerModule runner, Secrets secrets) {
        this(lab, limits, checkCourse, sandbox, runner, null, secrets);
    }

    /** As the constructor above, the test JVMs started from {@code image} ({@link RuntimeImage}; null: the JDK). */
    LabRun(Lab lab, Limits limits, Runnable checkCourse, Sandbox sandbox, RunnerModule runner, Path image, Secrets secrets) {
        this.lab = lab;
        this.image = image;
        this.limits = limits;
        this.checkCourse = checkCourse;
        this.sandbox = sandbox;
        this.runner = runner;
        this.secrets = secrets;
    }

    /** The catalogue's tests with their outcomes, or null when the code under test changed the compiled tests. */
    List<GradedTest> run(Path work, Path classes, Path testClasses, Path visibleTestClasses, List<String> flags) {
        this.flags = flags;
        Integrity compiled = Integrity.of(List.of(classes, testClasses, visibleTestClasses));
        Path dir = work.resolve("run");
        Path tmp = work.resolve("tmp");
        Fs.mkdirs(dir);
        Fs.mkdirs(tmp);
        long labDeadline = System.nanoTime() + limits.labSeconds() * 1_000_000_000L;
        // the visible test classes in one JVM, the hidden ones in another: a visible tests' JVM, whose outputs the
        // student sees, gets no hidden test's class
        List<String> visible = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (String testClass : lab.testClasses()) {
            boolean isVisible = Files.isRegularFile(visibleTestClasses.resolve(testClass.replaceAll("\\$.*", "")
                    .replace('.', '/') + ".class"));
            (isVisible ? visible : hidden).add(testClass);
        }
        if (!runAll(visible, visibleTestClasses, classes, dir, tmp, labDeadline, compiled)
                || !runAll(hidden, testClasses, classes, dir, tmp, labDeadline, compiled)) {
            return null;
        }
        return lab.catalogue().stream().map(t -> results.getOrDefault(t.key(), t.withOutcome(GradedTest.Status.NOT_RUN, "not run")))
                .collect(Collectors.toList());
    }

    /** What a JVM's end means for the tests it had not finished. */
    private enum Next {
        /** Every test that ended has its outcome, and one to blame was charged: the rest run in a fresh JVM as before. */
        GO_ON,
        /** Tests ran side by side when the JVM ended: the rest run in a fresh JVM one at a time, where blame is exact. */
        ONE_AT_A_TIME,
        /** No test was running when the JVM ended (a class's set-up, static code): each class left gets a JVM. */
        EACH_CLASS
    }

    /**
     * Runs the tests of {@code testClassNames} in one JVM, side by side; after a JVM that ended early, the tests it had
     * not run in a fresh one, one at a time when several (or any, beside a class's set-up) may have ended it. When no
     * test can be blamed for the end (it came between tests: a class's set-up, static code), the classes left run in a
     * JVM each, so that such an end costs only its own class's tests. False when the code under test changed the
     * compiled classes.
     */
    private boolean runAll(List<String> testClassNames, Path tests, Path classes, Path dir, Path tmp, long labDeadline,
                           Integrity compiled) {
        List<String> config = new ArrayList<>(List.of("junit.jupiter.extensions.autodetection.enabled=false"));
        if (limits.testTimeout() != null) {
            config.add("junit.jupiter.execution.timeout.default=" + limits.testTimeout());
        }
        java.util.Deque<List<String>> batches = new java.util.ArrayDeque<>();
        if (!testClassNames.isEmpty()) {
            batches.add(testClassNames);
        }
        boolean whole = true;
        boolean oneAtATime = false;
        while (!batches.isEmpty()) {
            List<String> batch = batches.poll();
            Set<String> remaining = lab.catalogue().stream().filter(t -> batch.contains(t.className()))
                    .map(GradedTest::key).collect(Collectors.toCollection(LinkedHashSet::new));
            while (!remaining.isEmpty()) {
                long left = (labDeadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    // a test that failed side by side and had no time left to run alone keeps that failure's words
                    remaining.removeIf(results::containsKey);
                    failAll(remaining, EndWording.labTimeUsedUp(limits));
                    break;
                }
                List<String> running = batch.stream()
                        .filter(c -> remaining.stream().anyMatch(k -> lab.test(k).className().equals(c))).toList();
                // a JVM's wall clock (and with it its CPU time) scales with the classes it runs; one test is cut sooner
                long jvmMillis = limits.classSeconds() * 1000L * running.size();
                long limitMillis = Math.min(jvmMillis, left);
                TestJvm.Outcome o;
                boolean memoryLimit;
                try (Jail jail = new Jail(sandbox, usesNativeCode(lab), image)) {
                    List<String> cmd = command(jail, classes, tests, tmp);
                    cmd.add(String.join(",", running));
                    cmd.addAll(config);
                    if (oneAtATime) {
                        cmd.add(ONE_AT_A_TIME);
                    }
                    o = TestJvm.run(jail.command(cmd, limits, (limitMillis + 999) / 1000), dir,
                            whole ? "*" : String.join("\t", remaining), limitMillis, limits.classSeconds() * 1000L,
                            // a test cut by a JUnit time-out leaves its thread running (SEPARATE_THREAD): the tests after
                            // it get a fresh JVM, free of that thread and of the CPU it may burn
                            e -> e instanceof Event.Ended end && remaining.contains(end.key()) && end.output() != null
                                    && end.output().startsWith("Timed out: "),
                            sandbox.available() ? Jail.EVENTS_FD : null);
                    memoryLimit = jail.memoryLimitHit();
                }
                checkCourse.run();
                List<String> changed = compiled.changes();
                if (!changed.isEmpty()) {
                    // the code under test rewrote what the next JVM would load: nothing in this lab counts
                    flags.add("the code under test changed compiled classes while the tests ran: " + changed);
                    return false;
                }
                whole = false;
                endedEarly |= !o.done();
                Next next = readOutcome(o, remaining, limitMillis, jvmMillis, memoryLimit, running.size() == 1, !oneAtATime);
                if (next == Next.ONE_AT_A_TIME) {
                    oneAtATime = true;
                } else if (next == Next.EACH_CLASS) {
                    // the JVM ended between tests: each class left gets a JVM of its own, and only the one that ends
                    // that way again loses its tests
                    for (int i = running.size() - 1; i >= 0; i--) {
                        batches.addFirst(List.of(running.get(i)));
                    }
                    break;
                }
            }
        }
        return true;
    }

    /**
     * Takes the outcomes of a JVM's events; when it ended early, says what comes next. In a JVM that ran its tests side
     * by side ({@code sideBySide}) a failure does not count: a test that failed runs again one at a time, and its outcome
     * there is its grade, since beside others it may have lost to them. A test that ran past the time
     * one test may take, on its own clock, fails when it ran one at a time. Otherwise, side by side, no test in flight
     * is charged, even one alone
     * (a class's set-up or another test's thread may have run beside it): they and the rest run again one at a time.
     * In a JVM that ran them one at a time, the test in flight fails with the reason. With no test in flight and one class left ({@code oneClass}), or the lab's time used up, the tests
     * left fail with the reason; with more classes left, each runs alone.
     */
    private Next readOutcome(TestJvm.Outcome o, Set<String> remaining, long limitMillis, long jvmMillis, boolean memoryLimit,
                             boolean oneClass, boolean sideBySide) {
        Set<String> inFlight = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        boolean threadLimit = false;
        for (Event e : o.events()) {
            if (e instanceof Event.Started s && remaining.contains(s.key())) {
                inFlight.add(s.key());
            } else if (e instanceof Event.Ended end && remaining.remove(end.key())) {
                // a hidden test's own output is never shown: only its outcome, that it timed out (JUnit's words, which
                // carry nothing else), and the grader's words on a JVM's end
                String output = !lab.test(end.key()).hidden() ? secrets.shown(end.output())
                        : timedOut(end.output()) ? end.output() : Secrets.HIDDEN;
                if (Secrets.WITHHELD.equals(output)) {
                    flags.add("the output of " + end.key() + " carried text of the hidden tests or the solution (the code"
                            + " under test read course files?); it was withheld");
                }
                // what the test recorded of the run is shown only as its output is: never with the course's secret text
                List<String> traces = end.traces().stream().filter(t -> !secrets.carries(t)).toList();
                results.put(end.key(), lab.test(end.key()).withOutcome(end.status(), output).withTraces(traces));
                inFlight.remove(end.key());
                if (end.status() == GradedTest.Status.FAILED) {
                    failed.add(end.key());
                }
            } else if (e instanceof Event.ThreadLimit) {
                threadLimit = true;
            }
        }
        if (sideBySide && !failed.isEmpty()) {
            // a test that failed beside others may have lost to them (their threads, open files, memory, CPU, a
            // JUnit engine that one of them broke): its outcome is the one it gets alone
            remaining.addAll(failed);
            // in the catalogue's order, as a first JVM runs them
            List<String> inOrder = lab.catalogue().stream().map(GradedTest::key).filter(remaining::contains).toList();
            remaining.clear();
            remaining.addAll(inOrder);
        }
        if (o.done() && (!sideBySide || remaining.isEmpty())) {
            failAll(remaining, EndWording.NOT_RUN_BY_JVM);
            return Next.GO_ON;
        }
        if (o.done() || !failed.isEmpty() && sideBySide && (o.cleared() || inFlight.isEmpty())) {
            return Next.ONE_AT_A_TIME;
        }
        if (o.cleared()) {
            // stopped by the grader after a test that timed out, whose thread JUnit leaves running: a test that had
            // started since is not to blame, and runs again in the fresh JVM
            return Next.GO_ON;
        }
        String why = EndWording.whyEnded(o, limits, threadLimit, memoryLimit, limitMillis, jvmMillis);
        if (o.stalled() && o.stalledTest() != null && inFlight.contains(o.stalledTest()) && !sideBySide) {
            // one at a time, its own clock ran past the time one test may take
            charge(remaining, o.stalledTest(), why);
            return Next.GO_ON;
        }
        // side by side, the test whose clock ran out may only have waited on another: JUnit's worker that runs a test
        // with parameters may, while it waits for them, take up a test that blocks, and then never ends the first.
        // One at a time (below), the one that blocks is the one running.
        if (!inFlight.isEmpty() && sideBySide) {
            // which of the tests in flight (or what beside them) ended the JVM is not known: one at a time, it will be
            return Next.ONE_AT_A_TIME;
        }
        if (!inFlight.isEmpty()) {
            // one at a time, one test is in flight (JUnit runs no other beside it)
            inFlight.forEach(k -> charge(remaining, k, why));
        } else if (oneClass || o.timedOut() && !o.stalled() && limitMillis < jvmMillis) {
            // one class's set-up ended its JVM, or the lab's time ran out: the tests left cannot run
            failAll(remaining, "could not run: " + why);
        } else {
            return Next.EACH_CLASS;
        }
        return Next.GO_ON;
    }

    /**
     * Whether a JVM of this run ended before its end (an exit, a crash, a limit, a test that ran out of time) or a
     * test was failed for want of a JVM or of time: outcomes that a busy machine or the sandbox may have made.
     */
    boolean endedEarly() {
        return endedEarly;
    }

    private void charge(Set<String> remaining, String key, String why) {
        endedEarly = true;
        remaining.remove(key);
        results.put(key, lab.test(key).withOutcome(GradedTest.Status.FAILED, why));
    }

    /** Whether a test's output is JUnit's words for a test that ran past its time-out (and nothing else). */
    private static boolean timedOut(String output) {
        return output != null && TIMED_OUT.matcher(output).matches();
    }

    /** Whether a lab's tests call native code (lab04's raw sockets, through JNA): such a JVM keeps CAP_NET_RAW. */
    private static boolean usesNativeCode(Lab lab) {
        return lab.deps().stream().anyMatch(p -> p.getFileName().toString().startsWith("jna-"));
    }

    /**
     * The command of one test JVM, up to the test class: the runner as a named module, JUnit on the module
     * path, the tests and the student's classes on the class path; paths as the sandbox shows them.
     */
    private List<String> command(Jail jail, Path classes, Path testClasses, Path tmp) {
        List<String> modulePath = new ArrayList<>();
        if (image == null) {
            modulePath.add(jail.readOnly(runner.dir, "runner"));
            runner.modulePath.forEach(p -> modulePath.add(jail.readOnly(p, p.getFileName().toString())));
        }
        List<String> cp = new ArrayList<>();
        runner.classPath.forEach(p -> cp.add(jail.readOnly(p, p.getFileName().toString())));
        String tests = jail.readOnly(testClasses, "test-classes");
        cp.add(tests);
        cp.add(jail.readOnly(classes, "classes")); // last: nothing the student writes can shadow a test or the grading code
        boolean inside = sandbox.available();
        List<String> cmd = new ArrayList<>();
        cmd.add(jail.java());
        cmd.addAll(TestJvm.gradingFlags(limits, inside ? Path.of(Sandbox.TMP) : tmp));
        cmd.addAll(List.of("-XX:CompressedClassSpaceSize=128m", "-XX:-UsePerfData",
                // in the sandbox the uid has no home: JNA unpacks its library into the private /tmp
                "-Duser.home=" + (inside ? Sandbox.TMP : System.getProperty("user.home"))));
        if (image == null) {
            cmd.addAll(List.of("--limit-modules", String.join(",", runner.modules), "--add-modules", "ALL-SYSTEM,ALL-MODULE-PATH",
                    "--module-path", String.join(File.pathSeparator, modulePath)));
        } else {
            // the image holds exactly the modules a test JVM may resolve, the runner and JUnit's among them
            cmd.addAll(List.of("--add-modules", "ALL-SYSTEM"));
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp)));
        Path jna = inside && usesNativeCode(lab) ? jnaLibrary(lab) : null;
        if (jna != null) {
            // the sandbox's /tmp is noexec, so JNA cannot unpack its library there and load it: it loads this copy
            cmd.addAll(List.of("-Djna.boot.library.path=" + jail.readOnly(jna, "jna-native"), "-Djna.nounpack=true"));
        }
        if (inside) {
            // the runner alone may name its results descriptor (TestRunner.inherited); the tests' unnamed module may not
            cmd.addAll(List.of("--add-opens", "java.base/java.io=" + RunnerModule.NAME));
        }
        if (Runtime.version().feature() >= 24) {
            // native code only where the lab's provided code needs it (JNA); its use by the student's code is the policy's to catch
            cmd.add(usesNativeCode(lab) ? "--enable-native-access=ALL-UNNAMED" : "--illegal-native-access=deny");
        }
        cmd.addAll(List.of("-m", RunnerModule.MAIN, "run", String.valueOf(limits.maxThreads()), tests));
        return cmd;
    }

    private static final Map<Path, Path> JNA_LIBRARIES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The folder of JNA's native library for this machine, unpacked once from the lab's JNA jar; null if it has none. */
    private static Path jnaLibrary(Lab lab) {
        Path jar = lab.deps().stream().filter(p -> p.getFileName().toString().startsWith("jna-")).findFirst().orElseThrow();
        return JNA_LIBRARIES.computeIfAbsent(jar, j -> {
            String arch = System.getProperty("os.arch");
            String entry = "com/sun/jna/linux-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86-64" : arch) + "/libjnidispatch.so";
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(j.toFile())) {
                java.util.zip.ZipEntry e = z.getEntry(entry);
                if (e == null) {
                    return null;
                }
                Path dir = Files.createTempDirectory("socketlabs-jna-");
                Path lib = dir.resolve("libjnidispatch.so");
                try (java.io.InputStream in = z.getInputStream(e)) {
                    Files.copy(in, lib);
                }
                // read by the sandbox's own uid
                dir.toFile().setReadable(true, false);
                dir.toFile().setExecutable(true, false);
                lib.toFile().setReadable(true, false);
                lib.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return dir;
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    private void failAll(Set<String> keys, String output) {
        endedEarly |= !keys.isEmpty();
        for (String k : keys) {
            results.put(k, lab.test(k).withOutcome(GradedTest.Status.FAILED, output));
        }
        keys.clear();
    }
}
