package socketlabs.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tells a test's threads from the threads of the tests that run beside it (the labs' tests run
 * side by side: {@code junit-platform.properties}). A test that checks "every thread the server
 * started has ended" looks at the whole JVM ({@link Thread#getAllStackTraces()}), where the other
 * tests' servers and clients run too; {@link #startedSince(Set)} leaves those out.
 *
 * <p>How: before each test, the thread that runs it gets a marker as its context class loader (a
 * loader that only delegates to the one it replaces, so class and resource look-ups are unchanged).
 * A new thread takes its context class loader from the thread that creates it: JUnit's time-out
 * thread ({@code SEPARATE_THREAD}, created per invocation from the thread that ran this callback),
 * the threads the test starts, the threads the code under test starts from those, and so on. Unlike
 * an {@link InheritableThreadLocal}, which only its own thread can read, a context class loader
 * can be read from any thread. A thread that carries ANOTHER test's marker is left out; a thread
 * with no marker still counts (conservative: a thread of the code under test cannot escape a check
 * by losing its marker, it can only be blamed on the test that looks).
 *
 * <p>Registered on the classes that look at the whole JVM with {@code @ExtendWith} (the grader runs
 * with extension auto-detection off) and, on the Maven path, for every test through auto-detection
 * ({@code META-INF/services}), so that the threads of every lab's tests in one JVM (the solutions
 * build) carry their test's marker. JUnit registers one extension class once, however declared.
 */
public final class TestThreads implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestThreads.class);

    /** The marker: one per test invocation; delegates every look-up to the loader it replaced. */
    static final class Marker extends ClassLoader {
        final String test;

        Marker(ClassLoader parent, String test) {
            super("test-threads-marker", parent);
            this.test = test;
        }

        @Override
        public String toString() {
            return "TestThreads.Marker[" + test + "]";
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Thread runner = Thread.currentThread();
        ClassLoader previous = runner.getContextClassLoader();
        if (previous instanceof Marker && ((Marker) previous).test.equals(context.getUniqueId())) {
            return; // registered twice: already marked
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(Previous.class, new Previous(previous));
        runner.setContextClassLoader(new Marker(previous == null ? ClassLoader.getSystemClassLoader() : previous,
                context.getUniqueId()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Previous previous = context.getStore(NAMESPACE).remove(Previous.class, Previous.class);
        if (previous != null) {
            Thread.currentThread().setContextClassLoader(previous.loader);
        }
    }

    /** The context class loader the marker replaced, to put back after the test. */
    private static final class Previous {
        final ClassLoader loader;

        Previous(ClassLoader loader) {
            this.loader = loader;
        }
    }

    /** The test that {@code thread} was started for (its marker's test's unique id), or null if unmarked. */
    public static String testOf(Thread thread) {
        ClassLoader loader = thread.getContextClassLoader();
        return loader instanceof Marker ? ((Marker) loader).test : null;
    }

    /**
     * True if {@code thread} belongs to a test other than the calling thread's: it carries another
     * test's marker. An unmarked thread, or one of the calling thread's own test, is not another's.
     */
    public static boolean ofAnotherTest(Thread thread) {
        String theirs = testOf(thread);
        return theirs != null && !theirs.equals(testOf(Thread.currentThread()));
    }

    /** True if {@code thread} is one of JUnit's own worker threads (parallel execution's pool). */
    public static boolean ofTheTestEngine(Thread thread) {
        return thread.getClass().getName().startsWith("org.junit.");
    }

    /**
     * The live threads that were not in {@code before} and are not another test's nor JUnit's
     * workers: the calling test's, and any unmarked ones. {@code before} is a snapshot of
     * {@link Thread#getAllStackTraces()}'s key set taken by the test.
     */
    public static List<Thread> startedSince(Set<Thread> before) {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && !ofAnotherTest(t) && !ofTheTestEngine(t)) {
                threads.add(t);
            }
        }
        return threads;
    }
}
