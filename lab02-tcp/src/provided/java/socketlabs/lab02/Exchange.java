package socketlabs.lab02;

import java.nio.charset.StandardCharsets;

/**
 * The result of one request-reply exchange (task 4): how it ended and the reply bytes that had
 * arrived by then (empty, never null, when nothing arrived). Provided, ready-made.
 *
 * <pre>{@code
 * new Exchange(Outcome.COMPLETE, "HELLO".getBytes(UTF_8))
 * new Exchange(Outcome.REFUSED, new byte[0])
 * }</pre>
 *
 * @param outcome how the exchange ended
 * @param reply the bytes received from the server, in order
 */
public record Exchange(Outcome outcome, byte[] reply) {
    public Exchange {
        if (outcome == null || reply == null) {
            throw new NullPointerException("an Exchange needs an outcome and a reply (use new byte[0] for no reply)");
        }
    }

    /** The reply decoded as UTF-8, for printing. */
    public String replyText() {
        return new String(reply, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return outcome + " with a reply of " + reply.length + " bytes";
    }
}
