package socketlabs.instructor;

/**
 * The bounds every graded submission runs within; the report states them.
 *
 * @param testTimeout JUnit's default time per test ("10 s"), or null for the lab's own default
 * @param classSeconds wall clock for one test class's JVM; past it the JVM and all it started are killed
 * @param labSeconds wall clock for all of one lab's test JVMs together
 * @param heapMegabytes the -Xmx of each test JVM
 * @param maxThreads live threads a test JVM may have before it is stopped
 */
record Limits(String testTimeout, int classSeconds, int labSeconds, int heapMegabytes, int maxThreads) {
    static final Limits DEFAULT = new Limits(null, 120, 300, 256, 1000);

    /** One sentence for the report. */
    String describe() {
        return "each test " + (testTimeout == null ? "as long as the lab allows" : testTimeout.trim()) + " unless it sets its own limit"
                + "; each test class in a JVM of its own, stopped after " + classSeconds + " s, with a heap of "
                + heapMegabytes + " MB and at most " + maxThreads + " threads; each lab " + labSeconds
                + " s in all. A test JVM that exits, crashes or is stopped costs the test it was running;"
                + " the tests after it run again in a fresh JVM.";
    }

    Limits withTestTimeout(String t) {
        return new Limits(t, classSeconds, labSeconds, heapMegabytes, maxThreads);
    }

    Limits withClassSeconds(int s) {
        return new Limits(testTimeout, s, labSeconds, heapMegabytes, maxThreads);
    }

    Limits withLabSeconds(int s) {
        return new Limits(testTimeout, classSeconds, s, heapMegabytes, maxThreads);
    }

    Limits withHeap(int mb) {
        return new Limits(testTimeout, classSeconds, labSeconds, mb, maxThreads);
    }

    Limits withMaxThreads(int n) {
        return new Limits(testTimeout, classSeconds, labSeconds, heapMegabytes, n);
    }
}
