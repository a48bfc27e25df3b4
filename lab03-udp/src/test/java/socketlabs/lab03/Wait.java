package socketlabs.lab03;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/** Bounded waits for a condition (Awaitility), failing with a message that teaches. */
final class Wait {
    private Wait() {
    }

    /** Waits until {@code condition} holds, at most {@code limit}; true if it came to hold (a test then asserts what it needs). */
    static boolean atMost(Duration limit, BooleanSupplier condition) {
        try {
            await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Waits until {@code condition} holds, at most {@code limit}; fails with {@code message} otherwise. */
    static void until(Duration limit, BooleanSupplier condition, Supplier<String> message) {
        try {
            await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            fail(message.get());
        }
    }
}
