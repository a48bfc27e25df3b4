package socketlabs.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a graded test is worth. A test without it is a warm-up or a structure check: it is
 * reported but carries no points, and it may pass on the starter code.
 *
 * <p>On a {@code @ParameterizedTest} or {@code @RepeatedTest} the points belong to the method as
 * a whole: they are earned only when every invocation passes.
 *
 * <pre>{@code
 * @Test
 * @Points(2)
 * @DisplayName("classifies 1023 as well-known and 1024 as registered")
 * void boundaryBetweenWellKnownAndRegistered() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** Points earned when the test passes; at least 1. */
    int value();
}
