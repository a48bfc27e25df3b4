package socketlabs.lab03;

import java.time.Duration;
import java.util.Locale;

/**
 * What an {@link ImpairedChannel} does to the datagrams it relays, the same in both directions.
 * Provided, ready-made: nothing to write here.
 *
 * <pre>{@code
 * Impairments.of(0.10, 0.05, 0.05)                     // 10% loss, 5% duplicated, 5% reordered
 * Impairments.of(0.10, 0, 0).withDelay(Duration.ofMillis(5))   // and 5 ms each way
 * }</pre>
 *
 * @param loss the share of datagrams dropped, 0 to 1
 * @param duplicate the share of (not dropped) datagrams delivered twice, 0 to 1
 * @param reorder the share of (not dropped) datagrams held back by {@code reorderDelay}, so that
 *     datagrams sent after them overtake them, 0 to 1
 * @param delay how long every datagram takes through the channel, one way
 * @param reorderDelay the extra time a reordered datagram is held
 */
public record Impairments(double loss, double duplicate, double reorder, Duration delay, Duration reorderDelay) {
    /** The extra hold of a reordered datagram unless said otherwise. */
    public static final Duration DEFAULT_REORDER_DELAY = Duration.ofMillis(5);
    /** A perfect channel: everything delivered once, in order, at once. */
    public static final Impairments NONE = of(0, 0, 0);

    public Impairments {
        for (double rate : new double[] {loss, duplicate, reorder}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rates are between 0 and 1, not " + rate);
            }
        }
        if (delay.isNegative() || reorderDelay.isNegative()) {
            throw new IllegalArgumentException("delays cannot be negative");
        }
    }

    /** These rates, no delay, and the default reorder hold. */
    public static Impairments of(double loss, double duplicate, double reorder) {
        return new Impairments(loss, duplicate, reorder, Duration.ZERO, DEFAULT_REORDER_DELAY);
    }

    /** The same rates with every datagram delayed by {@code oneWay}. */
    public Impairments withDelay(Duration oneWay) {
        return new Impairments(loss, duplicate, reorder, oneWay, reorderDelay);
    }

    /** The same with reordered datagrams held by {@code hold}. */
    public Impairments withReorderDelay(Duration hold) {
        return new Impairments(loss, duplicate, reorder, delay, hold);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "loss %.0f%%, duplicate %.0f%%, reorder %.0f%% (+%d ms), delay %d ms",
                loss * 100, duplicate * 100, reorder * 100, reorderDelay.toMillis(), delay.toMillis());
    }
}
