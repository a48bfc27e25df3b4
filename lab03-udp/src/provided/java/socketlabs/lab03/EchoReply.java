package socketlabs.lab03;

import java.nio.charset.StandardCharsets;

/**
 * What one echo exchange gave: the reply, a truncated reply, or no reply in time.
 * Provided, ready-made: {@link EchoClient#exchange} returns one of these.
 *
 * @param outcome what happened
 * @param data the reply's bytes: all of them for {@code REPLIED}, the bytes that fit for
 *     {@code TRUNCATED}, empty for {@code TIMED_OUT}
 */
public record EchoReply(Outcome outcome, byte[] data) {

    /** The three ways an exchange can end. */
    public enum Outcome {
        /** A reply arrived whole. */
        REPLIED,
        /** A reply arrived but was longer than the buffer allowed; {@code data} holds what fit. */
        TRUNCATED,
        /** No reply arrived before the timeout. */
        TIMED_OUT
    }

    /** A reply that arrived whole. */
    public static EchoReply replied(byte[] data) {
        return new EchoReply(Outcome.REPLIED, data.clone());
    }

    /** A reply longer than the buffer: {@code firstBytes} is the part that fit. */
    public static EchoReply truncated(byte[] firstBytes) {
        return new EchoReply(Outcome.TRUNCATED, firstBytes.clone());
    }

    /** No reply in time. */
    public static EchoReply timedOut() {
        return new EchoReply(Outcome.TIMED_OUT, new byte[0]);
    }

    /** The data as text (UTF-8), for printing. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        switch (outcome) {
            case REPLIED:
                return "reply (" + data.length + " bytes): " + text();
            case TRUNCATED:
                return "TRUNCATED reply, first " + data.length + " bytes: " + text();
            default:
                return "no reply (timed out)";
        }
    }
}
