package socketlabs.instructor;

/**
 * The bounds every graded submission runs within; the report states them.
 *
 * @param testTimeout JUnit's default time per test ("10 s"), or null for the lab's own default
 * @param classSeconds wall clock for one test class: a test JVM gets this much for each test class it runs, and one
 *                     test (or a pause between tests) that takes longer stops the JVM; then it and all it started are killed
 * @param labSeconds wall clock for all of one lab's test JVMs together
 * @param heapMegabytes the -Xmx of each test JVM
 * @param maxThreads live threads a test JVM may have before it is stopped
 * @param sandbox {@code auto} (sandbox each test JVM where the machine allows, warn loudly where not),
 *                {@code require} (refuse to grade without a sandbox) or {@code off} (for comparison only)
 * @param sandboxed what the grader could enforce, as the report states it ({@link Sandbox#describe}); null before grading
 */
record Limits(String testTimeout, int classSeconds, int labSeconds, int heapMegabytes, int maxThreads, String sandbox,
              String sandboxed) {
    static final java.util.Set<String> SANDBOX_MODES = java.util.Set.of("auto", "require", "off");
    static final Limits DEFAULT = new Limits(null, 120, 300, 256, 1000);

    Limits(String testTimeout, int classSeconds, int labSeconds, int heapMegabytes, int maxThreads) {
        this(testTimeout, classSeconds, labSeconds, heapMegabytes, maxThreads, "auto", null);
    }

    Limits {
        if (!SANDBOX_MODES.contains(sandbox)) {
            throw new IllegalArgumentException("--sandbox takes auto, require or off, not " + sandbox);
        }
    }

    /** Whether the test JVMs ran without an operating-system sandbox: the report says so first. */
    boolean unsandboxed() {
        return sandboxed != null && sandboxed.startsWith("NOT SANDBOXED");
    }

    /** One sentence for the report. */
    String describe() {
        return (sandboxed == null ? "" : sandboxed + " ") + "Each test " + (testTimeout == null ? "as long as the lab allows" : testTimeout.trim()) + " unless it sets its own limit"
                + "; a lab's visible test classes in one JVM and its hidden ones in another, each JVM given " + classSeconds
                + " s for each test class it runs and stopped after " + classSeconds + " s in one test, with a heap of "
                + heapMegabytes + " MB and at most " + maxThreads + " threads; each lab " + labSeconds
                + " s in all. A JVM runs its tests side by side; one that exits, crashes or is stopped while several"
                + " ran runs the tests it had not finished again, one at a time, in a fresh JVM, where such an end costs"
                + " the test it was running; the tests it had not reached run in a fresh JVM.";
    }

    Limits withTestTimeout(String t) {
        return new Limits(t, classSeconds, labSeconds, heapMegabytes, maxThreads, sandbox, sandboxed);
    }

    Limits withClassSeconds(int s) {
        return new Limits(testTimeout, s, labSeconds, heapMegabytes, maxThreads, sandbox, sandboxed);
    }

    Limits withLabSeconds(int s) {
        return new Limits(testTimeout, classSeconds, s, heapMegabytes, maxThreads, sandbox, sandboxed);
    }

    Limits withHeap(int mb) {
        return new Limits(testTimeout, classSeconds, labSeconds, mb, maxThreads, sandbox, sandboxed);
    }

    Limits withMaxThreads(int n) {
        return new Limits(testTimeout, classSeconds, labSeconds, heapMegabytes, n, sandbox, sandboxed);
    }

    Limits withSandbox(String mode) {
        return new Limits(testTimeout, classSeconds, labSeconds, heapMegabytes, maxThreads, mode, sandboxed);
    }

    Limits withSandboxed(String statement) {
        return new Limits(testTimeout, classSeconds, labSeconds, heapMegabytes, maxThreads, sandbox, statement);
    }
}
