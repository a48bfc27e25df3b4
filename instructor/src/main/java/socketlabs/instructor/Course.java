package socketlabs.instructor;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The instructor's copy of the course: its root, its labs (the root pom's modules named lab*), and
 * what grading needs from it, prepared once by one Maven run: each lab's test classpath and the
 * catalogue of its graded tests (visible and hidden) with their points.
 */
final class Course {
    static final String CLASSPATH_FILE = "target/grader-classpath.txt";
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern MODULES_BLOCK = Pattern.compile("(?s)(\\s*)<modules>.*?</modules>");
    // the profiles that only the instructor's copy needs: the starter check, and solutions + toolkit
    private static final Pattern INSTRUCTOR_PROFILE = Pattern.compile(
            "(?s)\\s*<profile>(?:(?!</profile>).)*?<id>(instructor|solutions)</id>.*?</profile>");
    // surefire's default includes, which the lab builds use: Test*, *Test, *Tests, *TestCase
    private static final Pattern TEST_CLASS = Pattern.compile("(.*\\.)?(Test[^.]*|[^.]*Tests?|[^.]*TestCase)");

    final Path root;

    Course(Path root) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.root.resolve("pom.xml"))) {
            throw new IllegalArgumentException("not the course's root folder (no pom.xml): " + this.root);
        }
    }

    /** The course around the current folder, or the one named by -Dsocketlabs.root. */
    static Course find() {
        String given = System.getProperty("socketlabs.root");
        if (given != null) {
            return new Course(Path.of(given));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("grading")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return new Course(p);
            }
        }
        throw new IllegalArgumentException("run this from inside the course (the folder with pom.xml and grading/)");
    }

    String pom() {
        return Fs.read(root.resolve("pom.xml"));
    }

    List<String> modules() {
        Matcher m = MODULE.matcher(pom());
        List<String> all = new ArrayList<>();
        while (m.find()) {
            all.add(m.group(1));
        }
        return all;
    }

    /** Every lab of the course, in the root pom's order. */
    List<String> labs() {
        return modules().stream().filter(m -> m.startsWith("lab")).collect(Collectors.toList());
    }

    /** The chosen labs ("lab01-ports,lab02-tcp", or a prefix such as "lab01"), or every lab when null. */
    List<String> labs(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return labs();
        }
        List<String> out = new ArrayList<>();
        for (String want : chosen.split(",")) {
            String w = want.trim();
            List<String> match = labs().stream().filter(l -> l.equals(w) || l.startsWith(w + "-")).collect(Collectors.toList());
            if (match.size() != 1) {
                throw new IllegalArgumentException("no single lab named " + w + "; the labs are " + labs());
            }
            out.add(match.get(0));
        }
        return out;
    }

    Path lab(String lab) {
        return root.resolve(lab);
    }

    /** lab01-ports keeps its code in package socketlabs.lab01: the folder socketlabs/lab01. */
    static String packageDir(String lab) {
        return "socketlabs/" + lab.split("-")[0];
    }

    /** The root pom with only these modules and without the instructor's profiles. */
    static String rewritePom(String pom, List<String> modules) {
        String list = modules.stream().map(m -> "    <module>" + m + "</module>").collect(Collectors.joining("\n"));
        Matcher block = MODULES_BLOCK.matcher(pom);
        if (!block.find()) {
            throw new IllegalArgumentException("the root pom has no <modules>");
        }
        String out = pom.substring(0, block.start()) + block.group(1) + "<modules>\n" + list + "\n  </modules>"
                + pom.substring(block.end());
        out = INSTRUCTOR_PROFILE.matcher(out).replaceAll("");
        return out.replaceAll("(?s)\\s*<profiles>\\s*</profiles>", "");
    }

    /** Where this toolkit's own classes are (they go on every grading test JVM's classpath for TestRunner). */
    static Path toolkitClasses() {
        try {
            return Path.of(Course.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    /** The Maven command: -Dsocketlabs.mvn, $SOCKETLABS_MVN, the course's wrapper, or mvn. */
    List<String> maven() {
        List<String> cmd = new ArrayList<>();
        String given = System.getProperty("socketlabs.mvn", System.getenv("SOCKETLABS_MVN"));
        if (given != null && !given.isBlank()) {
            cmd.add(given);
        } else if (Files.isRegularFile(root.resolve(isWindows() ? "mvnw.cmd" : "mvnw"))) {
            cmd.add(root.resolve(isWindows() ? "mvnw.cmd" : "mvnw").toString());
        } else {
            cmd.add("mvn");
        }
        cmd.addAll(List.of("-B", "-ntp", "-q"));
        if (Boolean.parseBoolean(System.getProperty("socketlabs.offline", "false"))) {
            cmd.add("-o");
        }
        String extra = System.getenv("SOCKETLABS_MVN_ARGS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return cmd;
    }

    /**
     * One Maven run over the chosen labs: compiles the pristine labs (starter, provided code, tests
     * and hidden tests) and writes each lab's test classpath; then lists each lab's graded tests.
     */
    Map<String, Lab> prepare(List<String> labs) {
        List<String> cmd = new ArrayList<>(maven());
        cmd.addAll(List.of("-f", root.resolve("pom.xml").toString(), "-pl", String.join(",", labs), "-am",
                "test-compile", "exec:exec", "-Dexec.executable=" + javaExecutable(), "-Dexec.classpathScope=test",
                "-Dexec.args=-cp \"" + toolkitClasses() + "\" socketlabs.instructor.SaveClasspath " + CLASSPATH_FILE
                        + " %classpath"));
        for (String lab : labs) {
            try {
                Files.deleteIfExists(lab(lab).resolve(CLASSPATH_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String output = runQuietly(cmd, root, 600);
        Map<String, Lab> out = new LinkedHashMap<>();
        for (String lab : labs) {
            Path cpFile = lab(lab).resolve(CLASSPATH_FILE);
            if (!Files.isRegularFile(cpFile)) {
                throw new IllegalStateException("preparing the course failed: the instructor's build of " + lab
                        + " did not compile or Maven could not run.\n" + String.join(" ", cmd) + "\n" + output);
            }
            Path builtClasses = lab(lab).resolve("target/classes").toAbsolutePath();
            Path builtTests = lab(lab).resolve("target/test-classes").toAbsolutePath();
            List<Path> deps = Arrays.stream(Fs.read(cpFile).trim().split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(s -> Path.of(s).toAbsolutePath())
                    .filter(p -> !p.equals(builtClasses) && !p.equals(builtTests))
                    .collect(Collectors.toList());
            out.put(lab, new Lab(lab, lab(lab), deps, catalogue(lab, deps)));
        }
        return out;
    }

    /**
     * The graded tests of a lab, as its pristine tests (and hidden tests) declare them: compiled
     * afresh from the sources against the starter, never read from a build folder that code under
     * test could have written to in an earlier run.
     */
    private List<Lab.Entry> catalogue(String lab, List<Path> deps) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("socketlabs-catalogue-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path classes = tmp.resolve("classes");
            Path testClasses = tmp.resolve("test-classes");
            List<Path> main = new ArrayList<>(Fs.files(lab(lab).resolve("src/main/java"), ".java"));
            main.addAll(Fs.files(lab(lab).resolve("src/provided/java"), ".java"));
            String errors = Grader.compile(Grader.release(this), main, deps, classes, tmp, lab(lab));
            List<Path> tests = new ArrayList<>(Fs.files(lab(lab).resolve("src/test/java"), ".java"));
            tests.addAll(Fs.files(lab(lab).resolve("src/hidden/java"), ".java"));
            List<Path> testCp = new ArrayList<>(deps);
            testCp.add(classes);
            if (errors == null) {
                errors = Grader.compile(Grader.release(this), tests, testCp, testClasses, tmp, lab(lab));
            }
            if (errors != null) {
                throw new IllegalStateException("the course's own " + lab + " does not compile:\n" + errors);
            }
            Grader.copyTree(lab(lab).resolve("src/test/resources"), testClasses);
            return catalogue(lab, deps, classes, testClasses);
        } finally {
            Fs.deleteTree(tmp);
        }
    }

    private List<Lab.Entry> catalogue(String lab, List<Path> deps, Path classes, Path testClasses) {
        List<String> testClassNames = testClassNames(testClasses);
        if (testClassNames.isEmpty()) {
            return List.of();
        }
        List<Path> cp = new ArrayList<>();
        cp.add(toolkitClasses());
        cp.addAll(deps);
        cp.add(testClasses);
        cp.add(classes);
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                TestRunner.class.getName(), "list"));
        cmd.addAll(testClassNames);
        TestJvm.Outcome o = TestJvm.run(cmd, lab(lab), "*", 120_000);
        if (!o.done()) {
            throw new IllegalStateException("cannot list the tests of " + lab + ":\n" + o.stderrTail());
        }
        List<Lab.Entry> entries = new ArrayList<>();
        for (Map<?, ?> e : o.events()) {
            if ("test".equals(e.get("e"))) {
                String cls = (String) e.get("class");
                entries.add(new Lab.Entry(cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls, (String) e.get("key"), (String) e.get("task"),
                        (String) e.get("name"), ((Number) e.get("points")).intValue(), Boolean.TRUE.equals(e.get("hidden"))));
            }
        }
        // the visible tests first, then the hidden ones, each in discovery order
        entries.sort(java.util.Comparator.comparing(Lab.Entry::hidden));
        return entries;
    }

    /** Top-level test classes by surefire's default names, as the lab build runs them. */
    static List<String> testClassNames(Path testClasses) {
        return Fs.files(testClasses, ".class").stream()
                .map(p -> testClasses.relativize(p).toString().replace(File.separatorChar, '.'))
                .map(s -> s.substring(0, s.length() - ".class".length()))
                .filter(n -> !n.contains("$") && TEST_CLASS.matcher(n).matches())
                .sorted().collect(Collectors.toList());
    }

    /** Runs a command to its end (bounded), returning its merged output. */
    static String runQuietly(List<String> cmd, Path dir, long seconds) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                TestJvm.killTree(p.toHandle());
                throw new IllegalStateException("gave up after " + seconds + " s: " + String.join(" ", cmd));
            }
            reader.join(5000);
            synchronized (out) {
                return out.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
