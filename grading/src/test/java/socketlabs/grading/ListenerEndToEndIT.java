package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import socketlabs.grading.fixtures.BlockingFixture;
import socketlabs.grading.fixtures.ExitingFixture;
import socketlabs.grading.fixtures.FixtureRunner;
import socketlabs.grading.fixtures.OutOfMemoryFixture;
import socketlabs.grading.fixtures.PassingFixture;

/**
 * Runs sample test classes in JVMs of their own, at once, and reads the results that the listener
 * wrote: they must hold every test, also after a blocked test and a System.exit.
 */
@Timeout(120)
class ListenerEndToEndIT {
    private static final String RUN = "e2e";
    @TempDir
    static Path dir;
    private static Map<String, Map<?, ?>> byName;
    private static Map<?, ?> results;

    @BeforeAll
    @Timeout(180) // the class's @Timeout covers test methods only, not @BeforeAll: three JVMs on a busy machine take more than 10 s
    static void runFixtures() throws Exception {
        // the JVMs of one run at once, as forks of a run may be: each writes its own part
        Map<Class<?>, Process> jvms = new java.util.LinkedHashMap<>();
        for (Class<?> fixture : List.of(PassingFixture.class, BlockingFixture.class, ExitingFixture.class, OutOfMemoryFixture.class)) {
            jvms.put(fixture, new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    "-Dgrading.dir=" + dir, "-Dgrading.run=" + RUN, "-Dgrading.summary=false",
                    FixtureRunner.class.getName(), fixture.getName())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(fixture.getSimpleName() + ".log").toFile()).start());
        }
        for (Map.Entry<Class<?>, Process> jvm : jvms.entrySet()) {
            assertTrue(jvm.getValue().waitFor(60, TimeUnit.SECONDS), jvm.getKey().getSimpleName() + " did not end within 60 s");
        }
        // each JVM rewrote results.json after each test; JVMs that end at once may race for the last
        // word, so the file is merged once more from every JVM's part, as the report step does
        Results.collect(dir, RUN).writeResultsJson(dir, "tests");
        results = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("results.json"), StandardCharsets.UTF_8));
        byName = ((List<?>) results.get("tests")).stream().map(t -> (Map<?, ?>) t)
                .collect(Collectors.toMap(t -> (String) t.get("name"), t -> t));
    }

    private static Map<?, ?> test(String name) {
        Map<?, ?> t = byName.get(name);
        assertTrue(t != null, () -> "no result for \"" + name + "\" in " + byName.keySet() + "; logs in " + dir + File.separator);
        return t;
    }

    private static int score(String name) {
        return ((Number) test(name).get("score")).intValue();
    }

    @Test
    @DisplayName("records every test of every JVM, each once")
    void everyTest() {
        assertEquals(11, byName.size(), () -> "tests recorded: " + byName.keySet());
    }

    @Test
    @DisplayName("the total is the sum of the tests' scores")
    void totals() {
        List<?> tests = (List<?>) results.get("tests");
        int sum = tests.stream().mapToInt(t -> ((Number) ((Map<?, ?>) t).get("score")).intValue()).sum();
        int max = tests.stream().mapToInt(t -> ((Number) ((Map<?, ?>) t).get("max_score")).intValue()).sum();
        assertEquals(sum, ((Number) results.get("score")).intValue());
        assertEquals(max, ((Number) results.get("max_score")).intValue());
        assertEquals(2 + 1 + 1 + 1 + 1, sum, "passes, runs-after-blocked, a, c, runs after the out-of-memory test");
        assertEquals(2 + 3 + 4 + 0 + 1 + 1 + 1 + 1 + 1 + 1 + 1, max);
    }

    @Test
    @DisplayName("a failure keeps its message; a parameterized test fails as a whole")
    void failures() {
        assertEquals(2, score("Task 1 · Sample › passes"));
        assertTrue(((String) test("Task 1 · Sample › fails with a message").get("output")).contains("sent 1 + 1; expected 3"));
        Map<?, ?> p = test("Task 1 · Sample › earns its points only when every invocation passes");
        assertEquals(0, ((Number) p.get("score")).intValue());
        assertTrue(((String) p.get("output")).contains("invocation 2") && !((String) p.get("output")).contains("invocation 1"),
                () -> "the failed invocation named, and only it: " + p.get("output"));
    }

    @Test
    @DisplayName("a test blocked in accept() is cut off with a hint, and the next test runs")
    void blocked() {
        Map<?, ?> t = test("Task 2 · Blocking › blocks in accept");
        assertEquals("failed", t.get("status"));
        assertTrue(((String) t.get("output")).contains(TestFacts.TIMEOUT_HINT), () -> "output: " + t.get("output"));
        assertEquals(1, score("Task 2 · Blocking › runs after the blocked one"));
    }

    @Test
    @DisplayName("System.exit fails its own test only: the tests before and after it keep their results")
    void exit() {
        assertEquals(1, score("Task 3 · Exiting › a runs before"));
        Map<?, ?> b = test("Task 3 · Exiting › b calls System.exit");
        assertEquals(0, ((Number) b.get("score")).intValue());
        assertTrue(((String) b.get("output")).contains("called System.exit()"), () -> "output: " + b.get("output"));
        assertEquals(1, score("Task 3 · Exiting › c runs after"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) results.get("extra_data")).get("finished"));
    }

    @Test
    @DisplayName("running out of memory fails its own test with the reason, and the JVM goes on (no crash that hides the table)")
    void outOfMemory() {
        Map<?, ?> a = test("Task 4 · Memory › a allocates a buffer larger than the heap");
        assertEquals("failed", a.get("status"));
        assertTrue(((String) a.get("output")).contains("ran out of memory"), () -> "output: " + a.get("output"));
        assertEquals(1, score("Task 4 · Memory › b runs after"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) results.get("extra_data")).get("finished"));
    }
}
