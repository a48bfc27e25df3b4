package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.GradedTest;

/**
 * The grader runs a lab's visible test classes in one JVM and its hidden ones in another, and starts
 * a fresh JVM only after one ended early. Graded here: lab01's reference solution (two JVMs, full
 * marks), and the solution with three tests of one class that each end their JVM in the middle of the
 * lab's run: one runs out of heap, one halts the JVM, one blocks for ever ignoring interrupts (cut by
 * JUnit's time-out, its thread left running; the grader clears it with a fresh JVM). Each of the three
 * fails with its own reason, and every other test of the lab, in the same class and in the classes
 * after it, gets its real outcome (passed): the tests run side by side, and those in flight when a JVM
 * ended run again one at a time, where the blame is exact. Then the blocking one alone with no JUnit
 * time-out to speak of: the grader's own limit for one test, on that test's own clock, stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
@Tag(EndToEnd.TAG)
@DisplayName("one test JVM per lab and visibility, a fresh one only after a crash")
class OneJvmPerLabTest {
    private static final String PORTS_TEST = "socketlabs.lab01.PortsTest";
    private static final String OUT_OF_MEMORY = PORTS_TEST + "#boundaries(int, socketlabs.lab01.PortRange)";
    private static final String HALT = PORTS_TEST + "#outOfRange(int)";
    private static final String HANG = PORTS_TEST + "#validity()";
    Path tmp;
    Lab lab;
    LabGrade solution;
    int solutionJvms;
    LabGrade crasher;
    int crasherJvms;
    double crasherSeconds;
    LabGrade sleeper;

    @BeforeAll
    @Timeout(900)
    void grade() throws Exception {
        tmp = Files.createTempDirectory("socketlabs-one-jvm");
        lab = Fixtures.lab(Fixtures.LAB);
        Grader grader = Fixtures.grader();
        int before = TestJvm.STARTED.get();
        solution = grader.grade("solution", Fixtures.solution(tmp.resolve("solution")), tmp.resolve("work-solution")).labs().get(0);
        solutionJvms = TestJvm.STARTED.get() - before;
        Path crashing = Fixtures.solution(tmp.resolve("crasher"));
        Fixtures.beforeClassify(crashing, """
                if (port == 1023 && socketlabs.lab01.Ports.calledFrom("boundaries")) {
                    java.util.List<long[]> all = new java.util.ArrayList<>();
                    while (true) { all.add(new long[1 << 20]); }
                }
                if (port == 65536 && socketlabs.lab01.Ports.calledFrom("outOfRange")) {
                    Runtime.getRuntime().halt(7);
                }""");
        block(crashing);
        before = TestJvm.STARTED.get();
        crasher = grader.grade("crasher", crashing, tmp.resolve("work-crasher")).labs().get(0);
        crasherJvms = TestJvm.STARTED.get() - before;
        crasherSeconds = crasher.seconds();
        // no JUnit time-out within reach: only the grader's limit for one test (--class-timeout) stops the blocked test
        Grader patient = Fixtures.grader(List.of(Fixtures.LAB), Fixtures.LIMITS.withTestTimeout("1 h"));
        sleeper = patient.grade("sleeper", block(Fixtures.solution(tmp.resolve("sleeper"))), tmp.resolve("work-sleeper")).labs().get(0);
    }

    /** The submission with Ports.isValid blocked for ever, ignoring interrupts, when PortsTest.validity calls it. */
    private static Path block(Path submission) {
        Fixtures.edit(submission, Fixtures.PORTS, s -> s.replaceFirst("(public static boolean isValid\\(int port\\) \\{)", """
                $1
                if (port == -1 && calledFrom("validity")) {
                    while (true) {
                        try { Thread.sleep(60_000); } catch (InterruptedException e) { /* never gives up */ }
                    }
                }"""));
        // the misbehaviours only when called from one test method of PortsTest, found on the stack
        return Fixtures.addToPorts(submission, """
                    static boolean calledFrom(String method) {
                        for (StackTraceElement e : new Throwable().getStackTrace()) {
                            if (e.getClassName().equals("%s") && e.getMethodName().equals(method)) {
                                return true;
                            }
                        }
                        return false;
                    }""".formatted(PORTS_TEST));
    }

    @AfterAll
    void cleanUp() {
        Fs.deleteTree(tmp);
    }

    private static String describe(LabGrade g) {
        return g.tests().stream().map(t -> t.key() + ": " + t.status() + ": " + t.output()).collect(Collectors.joining("\n"));
    }

    @Test
    @DisplayName("the solution's visible tests run in one JVM and its hidden tests in another, and every test passes")
    void oneJvmPerVisibility() {
        assertEquals(LabGrade.State.GRADED, solution.state());
        assertEquals(lab.maxScore(), solution.score(), describe(solution));
        long classes = lab.testClasses().size();
        assertTrue(classes > 2, "lab01 has more test classes than JVMs: " + classes);
        assertTrue(lab.catalogue().stream().anyMatch(GradedTest::hidden), "lab01 has hidden tests");
        // and, side by side, a test may lose to its neighbours (lab01's descriptor probe fills the sandbox's open-file
        // limit): it runs again alone, in one more JVM, and passes there
        assertTrue(solutionJvms == 2 || solutionJvms == 3, "one JVM for lab01's visible test classes, one for its hidden"
                + " ones (and at most one more for a failure run again alone), not one per class: " + solutionJvms);
    }

    @Test
    @DisplayName("a test that runs out of memory, halts or blocks fails with its reason; every other test still passes")
    void crashCostsOnlyItsTest() {
        Map<String, GradedTest> byKey = crasher.tests().stream().collect(Collectors.toMap(GradedTest::key, t -> t));
        String all = describe(crasher);
        assertTrue(byKey.keySet().containsAll(List.of(OUT_OF_MEMORY, HALT, HANG)), "the tests the fixture names exist: " + all);
        assertEquals(GradedTest.Status.FAILED, byKey.get(OUT_OF_MEMORY).status(), all);
        assertTrue(byKey.get(OUT_OF_MEMORY).output().contains("ran out of memory (heap limit " + Fixtures.LIMITS.heapMegabytes() + " MB)")
                || byKey.get(OUT_OF_MEMORY).output().contains("OutOfMemoryError"), all);
        assertEquals(GradedTest.Status.FAILED, byKey.get(HALT).status(), all);
        assertTrue(byKey.get(HALT).output().contains("exited while this test was running (exit code 7)"), all);
        assertEquals(GradedTest.Status.FAILED, byKey.get(HANG).status(), all);
        assertTrue(byKey.get(HANG).output().contains("validity() timed out after 3 seconds"), all);
        for (GradedTest t : crasher.tests()) {
            if (!List.of(OUT_OF_MEMORY, HALT, HANG).contains(t.key())) {
                assertEquals(GradedTest.Status.PASSED, t.status(), () -> t.key() + " is not one of the crashing tests: " + all);
            }
        }
        assertEquals(lab.maxScore() - lab.test(OUT_OF_MEMORY).maxScore() - lab.test(HALT).maxScore() - lab.test(HANG).maxScore(),
                crasher.score(), all);
    }

    @Test
    @DisplayName("only a JVM that ended early is followed by a fresh one")
    void freshJvmOnlyAfterACrash() {
        // the first visible JVM (tests side by side), at most one fresh JVM running the tests it had not finished one
        // at a time, at most one fresh JVM after each of the three, and the hidden tests' JVM
        assertTrue(crasherJvms >= 3 && crasherJvms <= 6, "JVMs started: " + crasherJvms);
        assertTrue(crasherSeconds < Fixtures.LIMITS.classSeconds() * 4, "lab01 took " + crasherSeconds + " s");
    }

    @Test
    @DisplayName("a test that blocks past every JUnit time-out is stopped after --class-timeout, not the JVM's whole time")
    void blockedTestCostsOneTestsTime() {
        String all = describe(sleeper);
        Map<String, GradedTest> byKey = sleeper.tests().stream().collect(Collectors.toMap(GradedTest::key, t -> t));
        assertEquals(GradedTest.Status.FAILED, byKey.get(HANG).status(), all);
        assertTrue(byKey.get(HANG).output().contains("after " + Fixtures.LIMITS.classSeconds() + " s, the time limit for one test"), all);
        assertEquals(lab.maxScore() - lab.test(HANG).maxScore(), sleeper.score(), all);
        // the visible JVM had 15 s for each of its classes; the blocked test was cut after 15 s of its own
        assertTrue(sleeper.seconds() < Fixtures.LIMITS.classSeconds() * 3, "lab01 took " + sleeper.seconds() + " s");
    }
}
