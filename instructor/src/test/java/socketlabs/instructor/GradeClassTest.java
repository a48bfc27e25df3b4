package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
 * One class of misbehaving lab01 submissions graded in one run (two at a time, as tools/grade-class
 * does), then each student's results checked: the right score, a report that says why, and every
 * lab finished within its time limit. Formats: folders, a zip and a git bundle. Each submission is
 * lab01's reference solution or starter, with its misbehaviour written into Ports.classify, and
 * each expected score comes from the lab's catalogue, so the class keeps up as the lab grows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
@Tag(EndToEnd.TAG)
@DisplayName("grading a class of misbehaving submissions")
class GradeClassTest {
    Path tmp;
    Path out;
    Path marker;
    Lab lab;
    int startersTaken;

    @BeforeAll
    @Timeout(900)
    void gradeTheClass() throws Exception {
        tmp = Files.createTempDirectory("socketlabs-grade-class");
        marker = tmp.resolve("forger-ran");
        lab = Fixtures.lab(Fixtures.LAB);
        Path subs = MisbehavingClass.write(tmp, marker);
        out = tmp.resolve("graded");
        Grader grader = Fixtures.grader();
        assertEquals(0, GradeClass.run(grader, subs, out, 2, false));
        startersTaken = grader.startersTaken();
    }

    @AfterAll
    void cleanUp() {
        Fs.deleteTree(tmp);
    }

    private Map<?, ?> results(String student) {
        return (Map<?, ?>) Json.parse(Fs.read(out.resolve(student).resolve(Feedback.RESULTS)));
    }

    private String report(String student) {
        return Fs.read(out.resolve(student).resolve(Feedback.REPORT));
    }

    private int score(String student) {
        return ((Number) results(student).get("score")).intValue();
    }

    private double seconds(String student) {
        Map<?, ?> labs = (Map<?, ?>) ((Map<?, ?>) results(student).get("extra_data")).get("labs");
        return ((Number) ((Map<?, ?>) labs.get(Fixtures.LAB)).get("seconds")).doubleValue();
    }

    private String state(String student) {
        Map<?, ?> labs = (Map<?, ?>) ((Map<?, ?>) results(student).get("extra_data")).get("labs");
        return (String) ((Map<?, ?>) labs.get(Fixtures.LAB)).get("state");
    }

    private List<Map<?, ?>> tests(String student) {
        return ((List<?>) results(student).get("tests")).stream().<Map<?, ?>>map(t -> (Map<?, ?>) t).toList();
    }

    /** The points of the tests that call Ports.classify, where the misbehaviours are: at most these are lost. */
    private int classifyPoints() {
        return Fixtures.pointsIn(lab, "PortsTest", "PortsHiddenTest", "HiddenPortsTest");
    }

    @Test
    @DisplayName("the solution, handed in as a folder or a zip, earns every point, hidden tests marked after_published")
    void solutionsEarnEverything() {
        assertTrue(lab.maxScore() > 0 && lab.catalogue().stream().anyMatch(GradedTest::hidden), "lab01 has graded and hidden tests");
        assertEquals(lab.maxScore(), score("alice"), report("alice"));
        assertEquals(lab.maxScore(), score("bob"), report("bob"));
        List<Map<?, ?>> tests = tests("alice");
        assertEquals(lab.catalogue().size(), tests.size());
        long hidden = tests.stream().filter(t -> "after_published".equals(t.get("visibility"))).count();
        assertEquals(lab.catalogue().stream().filter(GradedTest::hidden).count(), hidden, "lab01's hidden tests are after_published");
        assertEquals(lab.maxScore(), tests.stream().mapToInt(t -> ((Number) t.get("score")).intValue()).sum(),
                "the total is the sum of the tests");
        assertTrue(report("alice").contains("Every test passed."), report("alice"));
        assertEquals(List.of(), ((Map<?, ?>) results("alice").get("extra_data")).get("flags"), "the solution raises no flag");
    }

    @Test
    @DisplayName("code hard-coded for the visible tests (a git bundle) earns the visible points, not the hidden ones it fails")
    void hiddenTestsCatchHardCoding() {
        List<Map<?, ?>> tests = tests("carol");
        for (Map<?, ?> t : tests) {
            if ("visible".equals(t.get("visibility"))) {
                assertEquals(t.get("max_score"), t.get("score"), () -> t.get("name") + " passes: " + t.get("output"));
            }
        }
        assertTrue(score("carol") < lab.maxScore(), report("carol"));
        assertTrue(report("carol").contains("(hidden test)"), report("carol"));
    }

    @Test
    @DisplayName("the untouched starter earns 0, each failure saying what was expected and what happened")
    void starterEarnsNothing() {
        assertEquals(0, score("dave"));
        String r = report("dave");
        assertTrue(r.contains("- Expected: " + lab.catalogue().get(0).name()), r);
        assertTrue(r.contains("- What happened (failed):") && r.contains("UnsupportedOperationException"), r);
    }

    @Test
    @DisplayName("an untouched starter is run once a class; a starter with one file written is graded on its own")
    void untouchedStarterRunsOnce() {
        // dave and editor (whose extra files the intake leaves out) hand in the starter: in the sandbox one runs, the
        // other takes that grade, with its own notes
        boolean sandboxed = Sandbox.detect().available();
        assertEquals(sandboxed ? 1 : 0, startersTaken, "labs that took the starter's grade");
        assertEquals(0, score("editor"), report("editor"));
        if (sandboxed) {
            assertEquals(tests("dave"), tests("editor"), "the same outcomes, each with its output");
        }
        assertTrue(report("editor").contains("ignored socketlabs/grading/Points.java"), report("editor"));
        assertFalse(report("dave").contains("ignored"), report("dave"));
        // frank wrote task 1: taking the starter's 0 would lose the points of its Ports tests
        int ports = Fixtures.pointsIn(lab, "PortsTest");
        assertTrue(ports > 0, "lab01 has PortsTest points");
        assertTrue(score("frank") >= ports && score("frank") < lab.maxScore(), score("frank") + ": " + report("frank"));
    }

    @Test
    @DisplayName("code that loops or blocks forever loses those tests, and the lab ends within its time limit")
    void hangIsCutOff() {
        assertTrue(score("hang") < lab.maxScore(), report("hang"));
        assertTrue(score("hang") >= lab.maxScore() - classifyPoints(), "only the tests of the hanging method are lost: " + report("hang"));
        assertTrue(seconds("hang") <= Fixtures.LIMITS.labSeconds() + 15, "took " + seconds("hang") + " s");
        assertTrue(report("hang").contains("Timed out"), report("hang"));
        assertTrue(report("hang").contains("stopped after " + Fixtures.LIMITS.classSeconds() + " s"), "limits stated");
    }

    @Test
    @DisplayName("System.exit costs only the test that called it: the tests after it still run and earn their points")
    void exitCostsOnlyItsTest() {
        assertTrue(score("quitter") < lab.maxScore(), report("quitter"));
        assertTrue(score("quitter") >= lab.maxScore() - classifyPoints(), report("quitter"));
        assertTrue(report("quitter").contains("exited while this test was running"), report("quitter"));
        // in PortsTest, validity() runs after the tests that exit, in a fresh JVM
        assertTrue(tests("quitter").stream().anyMatch(t -> String.valueOf(t.get("name")).endsWith("knows the valid range is 0-65535")
                && t.get("score").equals(t.get("max_score"))), report("quitter"));
    }

    @Test
    @DisplayName("a lab that does not compile scores 0 with the compiler's messages")
    void compileErrorIsReported() {
        assertEquals(0, score("broken"));
        assertEquals("did not compile", state("broken"));
        assertTrue(report("broken").contains("src/main/java/socketlabs/lab01/Ports.java:"), report("broken"));
        assertTrue(report("broken").contains("error: "), report("broken"));
    }

    @Test
    @DisplayName("code that writes a fake results.json and prints forged grader lines earns nothing")
    void fakeResultsEarnNothing() {
        assertTrue(report("forger").contains("IllegalStateException: no"), "the forging code ran: " + report("forger"));
        // in the sandbox it cannot even write its marker outside its own /tmp
        assertEquals(!Sandbox.detect().available(), Files.exists(marker), "the forging code's marker file");
        assertEquals(0, score("forger"), report("forger"));
        assertTrue(report("forger").contains("uses raw file descriptors"), "flagged for the instructor");
    }

    @Test
    @DisplayName("editing a test, the build or the grading code in the submission changes nothing")
    void editedTestsAreIgnored() {
        assertEquals(0, score("editor"), report("editor"));
        assertTrue(report("editor").contains("ignored socketlabs/grading/Points.java"), report("editor"));
    }

    @Test
    @DisplayName("running out of memory or starting threads without end fails those tests, with the limit named")
    void resourceHogsAreStopped() {
        assertTrue(score("hog") < lab.maxScore(), report("hog"));
        assertTrue(score("hog") >= lab.maxScore() - classifyPoints(), report("hog"));
        assertTrue(report("hog").contains("ran out of memory (heap limit " + Fixtures.LIMITS.heapMegabytes() + " MB)"), report("hog"));
        assertTrue(report("hog").contains("more than " + Fixtures.LIMITS.maxThreads() + " threads"), report("hog"));
    }

    @Test
    @DisplayName("code that rewrites the compiled tests while they run cannot (sandbox), or loses the lab and is flagged")
    void tamperingIsCaught() {
        if (Sandbox.detect().available()) {
            // the compiled tests are read-only in the sandbox: the rewrite fails, and the solution earns its points
            assertEquals(lab.maxScore(), score("tamperer"), report("tamperer"));
            assertEquals("graded", state("tamperer"));
            return;
        }
        assertEquals(0, score("tamperer"), report("tamperer"));
        assertTrue(state("tamperer").startsWith("stopped"), state("tamperer"));
        assertTrue(report("tamperer").contains("changed compiled classes"), report("tamperer"));
    }

    @Test
    @DisplayName("the gradebook has one row a student, and a second run regrades nothing")
    void gradebookAndResume() throws Exception {
        List<String> rows = Files.readAllLines(out.resolve(GradeClass.GRADEBOOK));
        assertEquals("student," + Fixtures.LAB + ",total,max,flags", rows.get(0));
        int max = lab.maxScore();
        assertTrue(rows.contains("alice," + max + "," + max + "," + max + ","), rows.toString());
        assertEquals(13, rows.size(), rows.toString());
        FileTime before = Files.getLastModifiedTime(out.resolve("alice").resolve(Feedback.RESULTS));
        assertEquals(0, GradeClass.run(Fixtures.grader(), tmp.resolve("submissions"), out, 2, false));
        assertEquals(before, Files.getLastModifiedTime(out.resolve("alice").resolve(Feedback.RESULTS)));
    }
}
