package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * A test JVM runs its tests side by side, so when it ends early several tests are in flight and none
 * of them can be blamed by its events alone. The attack: lab01's solution whose classify, called from
 * one test (PortsTest's boundaries), waits until a test that started after it runs beside it, then
 * calls System.exit(3). A grader that charged the end to the last test started would fail an innocent
 * test. The grader must run the tests in flight again one at a time in a fresh JVM, where the culprit
 * alone fails with the reason (it exited, with its exit code) and every other test passes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
@Tag(EndToEnd.TAG)
@DisplayName("a test that ends its JVM while others run beside it costs only its own points")
class ExitBesideOthersTest {
    private static final String CULPRIT = "socketlabs.lab01.PortsTest#boundaries(int, socketlabs.lab01.PortRange)";
    Path tmp;
    Lab lab;
    LabGrade graded;

    @BeforeAll
    @Timeout(900)
    void grade() throws Exception {
        tmp = Files.createTempDirectory("socketlabs-exit-beside");
        lab = Fixtures.lab(Fixtures.LAB);
        Path submission = Fixtures.solution(tmp.resolve("exiter"));
        Fixtures.beforeClassify(submission, """
                if (port == 1023 && exitCalledFrom("boundaries")) {
                    waitForANewcomer();
                    System.exit(3);
                }""");
        // another lab test running in a thread that was not running it when the culprit began: a test started after it
        Fixtures.addToPorts(submission, """
                    static boolean exitCalledFrom(String method) {
                        for (StackTraceElement e : new Throwable().getStackTrace()) {
                            if (e.getClassName().equals("socketlabs.lab01.PortsTest") && e.getMethodName().equals(method)) {
                                return true;
                            }
                        }
                        return false;
                    }

                    static java.util.Set<Thread> inOtherTests() {
                        java.util.Set<Thread> found = new java.util.HashSet<>();
                        Thread.getAllStackTraces().forEach((t, stack) -> {
                            boolean inATest = false;
                            for (StackTraceElement e : stack) {
                                if (e.getClassName().equals("socketlabs.lab01.PortsTest") && e.getMethodName().equals("boundaries")) {
                                    return; // the culprit's own test (its other invocations run side by side too)
                                }
                                inATest |= e.getClassName().matches("socketlabs\\\\.lab01\\\\.[A-Za-z]+Test");
                            }
                            if (inATest) {
                                found.add(t);
                            }
                        });
                        return found;
                    }

                    // alone (one test at a time), it gives up waiting after a second, well within the test's time-out
                    static void waitForANewcomer() {
                        java.util.Set<Thread> before = inOtherTests();
                        long end = System.nanoTime() + 1_000_000_000L;
                        while (System.nanoTime() < end) {
                            java.util.Set<Thread> now = inOtherTests();
                            now.removeAll(before);
                            if (!now.isEmpty()) {
                                return;
                            }
                            try { Thread.sleep(5); } catch (InterruptedException e) { return; }
                        }
                    }""");
        graded = Fixtures.grader().grade("exiter", submission, tmp.resolve("work")).labs().get(0);
    }

    @AfterAll
    void cleanUp() {
        Fs.deleteTree(tmp);
    }

    @Test
    @DisplayName("System.exit in one test of several in flight: that test fails with its exit code, every other test passes")
    void onlyTheCulpritFails() {
        String all = graded.tests().stream().map(t -> t.key() + ": " + t.status() + ": " + t.output())
                .collect(Collectors.joining("\n"));
        Map<String, GradedTest> byKey = graded.tests().stream().collect(Collectors.toMap(GradedTest::key, t -> t));
        assertTrue(byKey.containsKey(CULPRIT), "the test the fixture names exists: " + all);
        assertEquals(GradedTest.Status.FAILED, byKey.get(CULPRIT).status(), all);
        assertTrue(byKey.get(CULPRIT).output().contains("exited while this test was running (exit code 3)"), all);
        for (GradedTest t : graded.tests()) {
            if (!t.key().equals(CULPRIT)) {
                assertEquals(GradedTest.Status.PASSED, t.status(), () -> t.key() + " ran beside the culprit, not as it: " + all);
            }
        }
        assertEquals(lab.maxScore() - lab.test(CULPRIT).maxScore(), graded.score(), all);
    }
}
