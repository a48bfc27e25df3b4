package socketlabs.lab02;

import java.io.IOException;

/**
 * A byte stream that does not hold well-formed frames: a frame longer than allowed, a negative
 * length, or a stream that ends in the middle of a frame. Provided, ready-made: nothing to write here.
 *
 * <p>It is an {@link IOException} because it is what reading a stream can go wrong with; its
 * message says what arrived and what was allowed, e.g. {@code "declared length 2147483647 is over
 * the maximum 1048576"}.
 */
public class FramingException extends IOException {
    public FramingException(String message) {
        super(message);
    }
}
