package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;

/**
 * Prepares the course for grading with one Maven run over the chosen labs: it compiles the pristine
 * labs and writes each lab's test classpath ({@link SaveClasspath}); then each lab's catalogue of
 * graded tests is taken ({@link Catalogue}), the labs' side by side. A lab prepared before, whose sources
 * and classpath have not changed since, is taken as it was ({@link PreparedLabs}) unless asked afresh.
 */
final class Preparation {
    static final String CLASSPATH_FILE = "target/grader-classpath.txt";
    /** Labs whose catalogues are taken at once: each compiles, then starts a JVM that mostly waits on its start. */
    static final int CATALOGUES_AT_ONCE = 4;

    private Preparation() {
    }

    /** The Maven command: -Dsocketlabs.mvn, $SOCKETLABS_MVN, the course's wrapper, or mvn. */
    static List<String> maven(Course course) {
        List<String> cmd = new ArrayList<>();
        String given = System.getProperty("socketlabs.mvn", System.getenv("SOCKETLABS_MVN"));
        if (given != null && !given.isBlank()) {
            cmd.add(given);
        } else if (Files.isRegularFile(course.root.resolve(Course.isWindows() ? "mvnw.cmd" : "mvnw"))) {
            cmd.add(course.root.resolve(Course.isWindows() ? "mvnw.cmd" : "mvnw").toString());
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
    static Map<String, Lab> prepare(Course course, List<String> labs) {
        return prepare(course, labs, false);
    }

    /** As {@link #prepare(Course, List)}; {@code fresh}: every lab is built and listed again, whatever was kept. */
    static Map<String, Lab> prepare(Course course, List<String> labs, boolean fresh) {
        Map<String, Lab> kept = new LinkedHashMap<>();
        // the hashes of files unchanged since the last run, for the keys' fingerprints
        Integrity.remember(course.root.resolve(PreparedLabs.DIR).resolve(PreparedLabs.FINGERPRINTS));
        if (!fresh) {
            for (String lab : labs) {
                Lab l = PreparedLabs.read(course, lab);
                if (l != null) {
                    kept.put(lab, l);
                }
            }
        }
        List<String> missing = labs.stream().filter(l -> !kept.containsKey(l)).toList();
        Map<String, Lab> made = missing.isEmpty() ? Map.of() : build(course, missing);
        made.values().forEach(l -> PreparedLabs.write(course, l));
        Map<String, Lab> out = new LinkedHashMap<>();
        for (String lab : labs) {
            out.put(lab, kept.containsKey(lab) ? kept.get(lab) : made.get(lab));
        }
        return out;
    }

    private static Map<String, Lab> build(Course course, List<String> labs) {
        List<String> cmd = new ArrayList<>(maven(course));
        cmd.addAll(List.of("-f", course.root.resolve("pom.xml").toString(), "-pl", String.join(",", labs), "-am",
                "test-compile", "exec:exec", "-Dexec.executable=" + Course.javaExecutable(), "-Dexec.classpathScope=test",
                "-Dexec.args=-cp \"" + Course.toolkitClasses() + "\" socketlabs.instructor.SaveClasspath " + CLASSPATH_FILE
                        + " %classpath"));
        for (String lab : labs) {
            try {
                Files.deleteIfExists(course.lab(lab).resolve(CLASSPATH_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String output = Processes.runQuietly(cmd, course.root, 600);
        Map<String, List<Path>> depsOf = new LinkedHashMap<>();
        for (String lab : labs) {
            Path cpFile = course.lab(lab).resolve(CLASSPATH_FILE);
            if (!Files.isRegularFile(cpFile)) {
                throw new IllegalStateException("preparing the course failed: the instructor's build of " + lab
                        + " did not compile or Maven could not run.\n" + String.join(" ", cmd) + "\n" + output);
            }
            Path builtClasses = course.lab(lab).resolve("target/classes").toAbsolutePath();
            Path builtTests = course.lab(lab).resolve("target/test-classes").toAbsolutePath();
            depsOf.put(lab, Arrays.stream(Fs.read(cpFile).trim().split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(s -> Path.of(s).toAbsolutePath())
                    .filter(p -> !p.equals(builtClasses) && !p.equals(builtTests))
                    .collect(Collectors.toList()));
        }
        // each lab's catalogue (a compile of its own and a JVM that lists its tests) beside the others': a JVM's
        // start waits on more than the CPU, and the labs do not depend on one another
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(labs.size(), CATALOGUES_AT_ONCE)));
        try {
            Map<String, Future<List<GradedTest>>> catalogues = new LinkedHashMap<>();
            depsOf.forEach((lab, deps) -> catalogues.put(lab, pool.submit(() -> Catalogue.of(course, lab, deps))));
            Map<String, Lab> out = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<GradedTest>>> c : catalogues.entrySet()) {
                out.put(c.getKey(), new Lab(c.getKey(), course.lab(c.getKey()), depsOf.get(c.getKey()), Processes.result(c.getValue(), "preparing the course")));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
