package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;

/**
 * The reference solution of every lab, handed in as one submission and graded under the default
 * limits: what the grader's test JVMs get (provided sources, test resources, hidden tests, JNA and
 * its native library, the labs' own timeouts) must be enough for full marks everywhere. The one
 * exception is a test that needs raw sockets where this machine gives none: it is skipped, and a
 * skipped test earns nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
@Tag(EndToEnd.TAG)
@DisplayName("grading the reference solution of every lab")
class FullSolutionTest {
    // CAP_NET_RAW, bit 13 of the capability sets (linux/capability.h)
    private static final int CAP_NET_RAW = 13;
    Path tmp;
    SubmissionGrade result;
    Map<?, ?> json;
    String report;

    @BeforeAll
    @Timeout(1500)
    void gradeTheSolution() throws IOException {
        tmp = Files.createTempDirectory("socketlabs-full-solution");
        List<String> labs = Fixtures.course().labs();
        Path submission = Fixtures.solution(tmp.resolve("reference"), labs);
        result = Grade.gradeOne(Fixtures.grader(labs, Limits.DEFAULT), "reference", submission, tmp.resolve("work"));
        Feedback.write(result, tmp.resolve("graded"));
        Grade.print(result); // each lab's score, state and time, for the build log
        json = (Map<?, ?>) Json.parse(Fs.read(tmp.resolve("graded").resolve(Feedback.RESULTS)));
        report = Fs.read(tmp.resolve("graded").resolve(Feedback.REPORT));
    }

    @AfterAll
    void cleanUp() {
        Fs.deleteTree(tmp);
    }

    @Test
    @DisplayName("every lab is graded, and every test passes (or is skipped for want of raw sockets)")
    void everyLabFullMarks() {
        assertEquals(Fixtures.course().labs(), result.labs().stream().map(LabGrade::lab).toList());
        for (LabGrade lab : result.labs()) {
            assertEquals(LabGrade.State.GRADED, lab.state(), lab.lab() + "\n" + report);
            assertTrue(lab.maxScore() > 0, lab.lab() + " has graded tests");
            for (GradedTest t : lab.tests()) {
                assertTrue(t.passed() || t.status() == GradedTest.Status.SKIPPED,
                        () -> lab.lab() + " › " + t.fullName() + ": " + t.status() + ": " + t.output());
            }
            int skipped = lab.tests().stream().filter(t -> t.status() == GradedTest.Status.SKIPPED).mapToInt(GradedTest::maxScore).sum();
            assertEquals(lab.maxScore() - skipped, lab.score(), lab.lab() + "\n" + report);
        }
        assertEquals(List.of(), result.flags(), "the reference solutions raise no flag");
    }

    @Test
    @DisplayName("the hidden tests of every lab run and pass")
    void hiddenTestsRun() {
        for (LabGrade lab : result.labs()) {
            List<GradedTest> hidden = lab.tests().stream().filter(t -> t.hidden()).toList();
            assertFalse(hidden.isEmpty(), lab.lab() + " has hidden tests");
            hidden.forEach(t -> assertEquals(GradedTest.Status.PASSED, t.status(), () -> lab.lab() + " › " + t.fullName() + ": " + t.output()));
        }
    }

    @Test
    @DisplayName("a skipped test earns nothing and says why; raw sockets are skipped only where the machine has none")
    void skippedEarnsNothing() {
        boolean rawSockets = hasCapability(CAP_NET_RAW);
        for (Object o : (List<?>) json.get("tests")) {
            Map<?, ?> t = (Map<?, ?>) o;
            String output = String.valueOf(t.get("output"));
            if (output.contains("What happened (skipped)")) {
                assertEquals(0, ((Number) t.get("score")).intValue(), "a skipped test earns nothing: " + t);
                assertEquals("failed", t.get("status"), "Gradescope shows a skipped test as not passed: " + t);
                assertTrue(output.contains("raw sockets are not available"), "only the raw-socket tests may be skipped: " + t);
                assertFalse(output.contains("could not be loaded"), "JNA and its native library reach the test JVM: " + t);
                assertFalse(rawSockets, "this machine has raw sockets, yet a test was skipped: " + t);
                assertTrue(report.contains("skipped themselves on the grading machine"), "the report counts the skipped tests");
            }
        }
    }

    @Test
    @DisplayName("the score in results.json is the sum of its tests")
    void totalsAdd() {
        List<?> tests = (List<?>) json.get("tests");
        int sum = tests.stream().mapToInt(t -> ((Number) ((Map<?, ?>) t).get("score")).intValue()).sum();
        assertEquals(result.score(), ((Number) json.get("score")).intValue());
        assertEquals(sum, result.score());
    }

    /** Whether this process (and so the test JVMs it starts) has the capability, read from /proc (Linux only). */
    private static boolean hasCapability(int bit) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return (Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16) >>> bit & 1) == 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return false;
    }
}
