package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import socketlabs.grading.fixtures.BlockingFixture;
import socketlabs.grading.fixtures.FixtureRunner;
import socketlabs.grading.fixtures.HaltingFixture;
import socketlabs.grading.fixtures.PassingFixture;

/**
 * A lab's test classes share one JVM; code that halts it in one test must cost that test only.
 * Two classes run in one JVM, as failsafe runs a lab; the first halts the JVM in its second test.
 */
@Timeout(180)
class ResumeIT {
    private static final String RUN = "resume";
    /** The cases here that are not about tests side by side run one at a time, as a resumed JVM does. */
    private static final String SEQUENTIAL = "-Djunit.jupiter.execution.parallel.enabled=false";

    @TempDir
    Path dir;

    @Test
    @DisplayName("after a halt, the tests the JVM had not reached run in a fresh JVM; the halted test fails with the reason")
    void theTestsAfterAHaltRunInAFreshJvm() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", SEQUENTIAL, "-cp", System.getProperty("java.class.path"),
                "-Dgrading.dir=" + dir, "-Dgrading.run=" + RUN, "-Dgrading.summary=false",
                FixtureRunner.class.getName(), HaltingFixture.class.getName(), PassingFixture.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the first JVM did not end within 60 s");
        assertEquals(7, p.exitValue(), "the fixture halts the first JVM");

        Map<String, GradedTest.Status> before = statuses();
        assertEquals(GradedTest.Status.NOT_RUN, before.get("Task 4 · Halting › c runs after"), "before: " + before);
        assertEquals(GradedTest.Status.NOT_RUN, before.get("Task 1 · Sample › passes"), "before: " + before);

        int jvms = Resume.notReached(dir, RUN, Resume.properties(dir, "sample", RUN), List.of("-Xmx64m"), Messages.of("en"));

        assertEquals(1, jvms, "one fresh JVM runs every test the first had not reached");
        Results r = Results.collect(dir, RUN);
        Map<String, GradedTest> byName = r.tests().stream().collect(Collectors.toMap(GradedTest::fullName, t -> t));
        assertEquals(GradedTest.Status.PASSED, byName.get("Task 4 · Halting › a runs before").status());
        GradedTest halted = byName.get("Task 4 · Halting › b halts the JVM");
        assertEquals(GradedTest.Status.FAILED, halted.status());
        assertTrue(halted.output().contains("The test JVM ended while this test was running"), halted.output());
        assertEquals(GradedTest.Status.PASSED, byName.get("Task 4 · Halting › c runs after").status(), "a test after the halt, its real outcome");
        GradedTest d = byName.get("Task 4 · Halting › d fails after, with its own message");
        assertEquals(GradedTest.Status.FAILED, d.status());
        assertTrue(d.output().contains("d's own failure"), "a parameterized test after the halt fails for its own reason: " + d.output());
        assertEquals(2, byName.get("Task 1 · Sample › passes").score(), "the next class runs too");
        assertTrue(r.tests().stream().noneMatch(t -> t.status() == GradedTest.Status.NOT_RUN), "no test left not run: " + r.tests());
        assertEquals(r.tests().size(), byName.size(), "each test counted once");
        assertTrue(r.finished(), "every test has an outcome");
        assertTrue(Results.notReached(dir, RUN).isEmpty());
    }

    @Test
    @DisplayName("after a test cut off by its time-out, whose code still blocks, the tests after it run in a fresh JVM")
    void theTestsAfterATimeOutRunInAFreshJvm() throws Exception {
        Process p = firstJvm("-Dgrading.resumable=true", BlockingFixture.class, PassingFixture.class);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the first JVM did not end within 60 s");

        Map<String, GradedTest.Status> before = statuses();
        assertEquals(GradedTest.Status.FAILED, before.get("Task 2 · Blocking › blocks in accept"), "before: " + before);
        assertEquals(GradedTest.Status.NOT_RUN, before.get("Task 2 · Blocking › runs after the blocked one"),
                "the JVM ended after the time-out, before the next test: " + before);

        int jvms = Resume.notReached(dir, RUN, Resume.properties(dir, "sample", RUN), List.of("-Xmx64m"), Messages.of("en"));

        assertEquals(1, jvms);
        Map<String, GradedTest> byName = Results.collect(dir, RUN).tests().stream()
                .collect(Collectors.toMap(GradedTest::fullName, t -> t));
        assertTrue(byName.get("Task 2 · Blocking › blocks in accept").output().contains(TestFacts.TIMEOUT_HINT));
        assertEquals(GradedTest.Status.PASSED, byName.get("Task 2 · Blocking › runs after the blocked one").status());
        assertEquals(2, byName.get("Task 1 · Sample › passes").score());
        assertTrue(Results.collect(dir, RUN).finished());
    }

    @Test
    @DisplayName("outside a resumable run (an IDE, the solutions build) the JVM goes on after a time-out")
    void withoutResumeTheJvmGoesOn() throws Exception {
        Process p = firstJvm("-Dgrading.resumable=false", BlockingFixture.class, PassingFixture.class);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not end within 60 s");
        Map<String, GradedTest.Status> after = statuses();
        assertEquals(GradedTest.Status.PASSED, after.get("Task 2 · Blocking › runs after the blocked one"), "after: " + after);
        assertTrue(Results.notReached(dir, RUN).isEmpty());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Runtime.halt", "System.exit"})
    @DisplayName("a JVM that ends while tests run side by side: they run again one at a time, and only the one that ended it fails")
    void testsInFlightRunAgainOneAtATime(String how) throws Exception {
        Process p = firstJvm(List.of("-Dgrading.resumable=true", "-Dfixture.exit=" + how.equals("System.exit")),
                socketlabs.grading.fixtures.SideBySideFixture.class);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the first JVM did not end within 60 s");
        Map<String, GradedTest> before = byName();
        for (String name : List.of("first runs beside it", "second runs beside it", "ends the JVM")) {
            GradedTest t = before.get("Task 5 · Side by side › " + name);
            assertEquals(GradedTest.Status.NOT_RUN, t.status(), "three tests were in flight when the JVM ended ("
                    + how + "): none can be blamed, each is to run again; " + name + ": " + t.output());
            assertTrue(t.output() != null && t.output().contains("side by side"), t.output());
        }

        int jvms = Resume.notReached(dir, RUN, Resume.properties(dir, "sample", RUN),
                List.of("-Xmx64m", "-Dfixture.exit=" + how.equals("System.exit")), Messages.of("en"));

        assertTrue(jvms >= 1 && jvms <= 2, "one fresh JVM, and one more if it ended before its last test: " + jvms);
        Map<String, GradedTest> after = byName();
        assertEquals(GradedTest.Status.PASSED, after.get("Task 5 · Side by side › first runs beside it").status(), after.toString());
        assertEquals(GradedTest.Status.PASSED, after.get("Task 5 · Side by side › second runs beside it").status(), after.toString());
        GradedTest culprit = after.get("Task 5 · Side by side › ends the JVM");
        assertEquals(GradedTest.Status.FAILED, culprit.status());
        assertTrue(culprit.output().contains(how.equals("System.exit") ? "called System.exit()" : "The test JVM ended while this test was running"),
                culprit.output());
        assertTrue(Results.collect(dir, RUN).finished());
    }

    private Map<String, GradedTest> byName() {
        return Results.collect(dir, RUN).tests().stream().collect(Collectors.toMap(GradedTest::fullName, t -> t));
    }

    private Process firstJvm(String option, Class<?>... fixtures) throws java.io.IOException {
        return firstJvm(List.of(option, SEQUENTIAL), fixtures);
    }

    private Process firstJvm(List<String> options, Class<?>... fixtures) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dgrading.dir=" + dir, "-Dgrading.run=" + RUN, "-Dgrading.summary=false", FixtureRunner.class.getName()));
        for (Class<?> f : fixtures) {
            cmd.add(f.getName());
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
    }

    private Map<String, GradedTest.Status> statuses() {
        return Results.collect(dir, RUN).tests().stream().collect(Collectors.toMap(GradedTest::fullName, GradedTest::status));
    }
}
