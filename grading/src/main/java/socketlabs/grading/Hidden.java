package socketlabs.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as one of the instructor's hidden tests (kept in a lab's
 * {@code src/hidden/java}, never handed out). Its results carry Gradescope's visibility
 * {@code after_published}: students see them once the grades are published.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Hidden {
}
