package socketlabs.instructor;

import socketlabs.grading.TestFacts;

/** What a student reads when a test JVM ended before its test did: the grader's one wording of each cause. */
final class EndWording {
    private EndWording() {
    }

    /** Why the JVM of {@code o} ended early, for the test it was running. */
    static String whyEnded(TestJvm.Outcome o, Limits limits, boolean threadLimit, boolean memoryLimit, long limitMillis,
                           long jvmMillis) {
        if (memoryLimit) {
            return "The test JVM was stopped by the kernel: the code under test used more than the memory limit of the"
                    + " whole JVM (" + Sandbox.memoryMegabytes(limits) + " MB, heap and native memory together). Look for data"
                    + " that grows without end, or threads started without end.";
        }
        if (threadLimit) {
            return "The test JVM was stopped: the code under test had more than " + limits.maxThreads()
                    + " threads alive at once. Start threads in bounded numbers (a pool), and end them.";
        }
        if (o.timedOut()) {
            String limit = o.stalled() ? "after " + limits.classSeconds() + " s, the time limit for one test"
                    : limitMillis < jvmMillis ? "when the lab's time limit of " + limits.labSeconds() + " s ran out"
                    : "after " + jvmMillis / 1000 + " s, the time limit for its test classes (" + limits.classSeconds() + " s each)";
            return "Timed out: the grader stopped the test JVM " + limit + ". " + TestFacts.TIMEOUT_HINT;
        }
        if (o.stderrTail().contains("Too many open files")) {
            return "The test JVM failed: the code under test had more than " + Sandbox.OPEN_FILES + " files and sockets open at"
                    + " once (the kernel's limit). Close every socket and stream (try-with-resources).";
        }
        if (o.stderrTail().contains("OutOfMemoryError")) {
            return "The test JVM ran out of memory (heap limit " + limits.heapMegabytes() + " MB). Look for data that"
                    + " grows without end: a buffer, a list, or a read loop that never stops.";
        }
        return "The test JVM exited while this test was running (exit code " + o.exitCode() + "): System.exit(),"
                + " Runtime.halt() or a crash in the code under test. Code under test must return or throw, never end the JVM.";
    }

    static String labTimeUsedUp(Limits limits) {
        return "not run: the lab's time limit of " + limits.labSeconds() + " s was used up by the tests before it";
    }

    static final String NOT_RUN_BY_JVM = "not run: the test JVM finished without running this test";
    static final String CHANGED_TESTS = "not counted: the code under test changed the compiled tests or classes while"
            + " they ran, so no result of this lab can be trusted";
}
