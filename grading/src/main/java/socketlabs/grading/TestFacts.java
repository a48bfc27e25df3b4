package socketlabs.grading;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What a grading listener reads off a test: its task, points, visibility, and the message a
 * student reads when it fails. Shared by the lab builds' listener and the instructor's grader, so
 * both grade and word a failure the same way.
 */
public final class TestFacts {
    public static final String TIMEOUT_HINT = "The code under test did not return in time. Usual causes: accept(), read() or"
            + " receive() on a socket with no timeout set, waiting for data the peer never sends, or a loop that never ends.";

    private TestFacts() {
    }

    /** The task is the display name of the outermost test class ("Task 1 · Port numbers"). */
    public static String taskOf(TestPlan plan, TestIdentifier id) {
        String task = "";
        Optional<TestIdentifier> p = Optional.of(id);
        while (p.isPresent()) {
            TestSource source = p.get().getSource().orElse(null);
            if (source instanceof ClassSource) {
                task = p.get().getDisplayName();
            }
            p = plan.getParent(p.get());
        }
        return task;
    }

    public static int points(MethodSource m) {
        try {
            Method method = m.getJavaMethod();
            Points points = method.getAnnotation(Points.class);
            return points == null ? 0 : points.value();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    public static boolean hidden(MethodSource m) {
        try {
            for (Class<?> c = m.getJavaClass(); c != null; c = c.getEnclosingClass()) {
                if (c.isAnnotationPresent(Hidden.class)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A test's key, the same in every JVM and every run: {@code class#method(parameter types)}. */
    public static String keyOf(MethodSource m) {
        return m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
    }

    /** Whether a test failed because JUnit's time-out cut it off. */
    static boolean isTimeout(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof java.util.concurrent.TimeoutException || message.contains("timed out after");
    }

    public static Optional<MethodSource> methodSource(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    /** What students read for a failure: the assertion's message, or the exception and where it came from. */
    public static String describe(Throwable e) {
        if (e == null) {
            return "failed";
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof TimeoutException || message.contains("timed out after")) {
            return "Timed out: " + message + ". " + TIMEOUT_HINT;
        }
        if (e instanceof AssertionError) {
            return message;
        }
        StringBuilder out = new StringBuilder(e.getClass().getName()).append(": ").append(message);
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0, shown = 0; i < trace.length && shown < 3; i++) {
            String cls = trace[i].getClassName();
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.") && !cls.startsWith("org.junit.")) {
                out.append("\n  at ").append(trace[i]);
                shown++;
            }
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            out.append("\n  caused by ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return out.toString();
    }
}
