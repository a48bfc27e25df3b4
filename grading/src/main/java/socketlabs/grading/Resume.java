package socketlabs.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The tests after a crash, run in a fresh JVM. A lab's tests run in one JVM (failsafe reuses its
 * fork: starting a JVM per test class cost more than most labs' tests). When that JVM ends early
 * ({@code Runtime.halt}, a crash, a kill), the test it was running fails with the reason
 * ({@link Results#collect}), and the report step starts a fresh JVM ({@link #main}) for the tests
 * it had not reached, again until every test has an outcome: code that ends its JVM costs only its
 * own test. The first JVM runs tests side by side; when several were running as it ended, none can
 * be blamed, and they are among those not reached. A fresh JVM runs its tests one at a time, so an
 * early end there is charged to the one test it was running.
 *
 * <p>The fresh JVM gets the test class path of the report step (exec:java's class loader), the
 * grading system properties of the run and the JVM options given; {@link GradingListener} records
 * its tests as for any test JVM of the run, in a part of its own.
 */
public final class Resume {
    /** How long one fresh JVM may run, as failsafe's forkedProcessTimeoutInSeconds bounds a fork. */
    static final Duration LIMIT = Duration.ofMinutes(20);

    private Resume() {
    }

    /**
     * In the report step: while tests of run {@code run} under {@code dir} were not reached, runs
     * them in a fresh JVM with {@code properties} (grading.*) and {@code jvmOptions}. Each round
     * either gives every remaining test an outcome or fails the one that was running when its JVM
     * ended, so the rounds end. Returns how many fresh JVMs ran.
     */
    static int notReached(Path dir, String run, Map<String, String> properties, List<String> jvmOptions, Messages words) {
        int rounds = 0;
        List<GradedTest> left = Results.notReached(dir, run);
        while (!left.isEmpty()) {
            rounds++;
            System.out.println(" " + words.get("report.resumed", left.size()));
            runFresh(dir, rounds, left, properties, jvmOptions);
            List<GradedTest> now = Results.notReached(dir, run);
            if (now.size() >= left.size()) {
                return rounds; // the fresh JVM recorded nothing: the table shows these tests as not run
            }
            left = now;
        }
        return rounds;
    }

    private static void runFresh(Path dir, int round, List<GradedTest> tests, Map<String, String> properties,
            List<String> jvmOptions) {
        try {
            Path at = Files.createDirectories(dir.resolve("resume"));
            Path keys = at.resolve("round-" + round + ".keys");
            Files.write(keys, tests.stream().map(t -> t.key).toList(), StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.add("-cp");
            cmd.add(testClassPath());
            cmd.add(Resume.class.getName());
            cmd.add(keys.toString());
            // the code under test prints what it prints to a file, as failsafe's forks do to theirs
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(at.resolve("round-" + round + ".out").toFile()).start();
            if (!p.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The report step's test class path: exec:java's class loader, or this JVM's class path. */
    private static String testClassPath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing a test JVM could load from
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }

    /** The grading system properties a fresh JVM of one lab's run needs. */
    static Map<String, String> properties(Path dir, String title, String run) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grading.dir", dir.toString());
        p.put("grading.title", title);
        p.put("grading.run", run);
        p.put("grading.summary", "false");
        p.put("grading.resumable", "true");
        return p;
    }

    /**
     * The fresh JVM: runs the tests whose keys ({@code class#method(parameter types)}) the file
     * {@code args[0]} lists, one per line, and ends.
     */
    public static void main(String[] args) throws IOException {
        List<String> keys = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(keys.stream().filter(k -> !k.isBlank()).map(DiscoverySelectors::selectMethod).toList())
                // one at a time: a JVM that ends early then blames exactly the test that was running
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build());
        // halt, not exit: an exit the code under test called may still be held (GradingListener), and
        // the listener has written every result
        Runtime.getRuntime().halt(0);
    }
}
