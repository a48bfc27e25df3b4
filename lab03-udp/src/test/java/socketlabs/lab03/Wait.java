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

    /**
     * As {@link #until(Duration, BooleanSupplier, Supplier)}, but gives up sooner once {@code code},
     * the only thing that could make {@code condition} hold, has ended (returned or thrown, as the
     * untouched starter throws at once) and {@link #AFTER_END} has passed without it holding: what
     * it sent before it ended has arrived by then.
     */
    static void until(Duration limit, BooleanSupplier condition, Async<?> code, Supplier<String> message) {
        long[] endSeen = {0};
        BooleanSupplier hopeless = () -> {
            if (!code.ended()) {
                return false;
            }
            if (endSeen[0] == 0) {
                endSeen[0] = System.nanoTime();
            }
            return System.nanoTime() - endSeen[0] > AFTER_END.toNanos();
        };
        try {
            await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> condition.getAsBoolean() || hopeless.getAsBoolean());
        } catch (ConditionTimeoutException e) {
            // told below
        }
        if (!condition.getAsBoolean()) {
            fail(message.get());
        }
    }

    /** How long datagrams that code sent before it ended may take to reach the test's thread on a busy machine. */
    static final Duration AFTER_END = Duration.ofMillis(300);
}
