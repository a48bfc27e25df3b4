package socketlabs.grading;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Turns an {@link OutOfMemoryError} thrown by a test into that test's failure. JUnit treats the
 * error as unrecoverable and lets it end the test JVM, which surefire reports as a crash that stops
 * the build before the score table; but the allocation that failed holds no memory, so the JVM can
 * go on with the next test. Registered for every lab's tests through JUnit's extension
 * auto-detection ({@code META-INF/services}, enabled in {@code junit-platform.properties}).
 */
public final class OutOfMemoryGuard implements InvocationInterceptor {
    static final String MESSAGE = "The code under test ran out of memory (%s; the tests run with -Xmx1g)."
            + " A buffer sized from a length that came over the network must be checked against a limit first.";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        guard(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        guard(invocation);
    }

    private static void guard(Invocation<Void> invocation) throws Throwable {
        try {
            invocation.proceed();
        } catch (OutOfMemoryError e) {
            throw new AssertionError(String.format(MESSAGE, e.getMessage()));
        }
    }
}
