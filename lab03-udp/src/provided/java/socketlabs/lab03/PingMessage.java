package socketlabs.lab03;

import java.nio.charset.StandardCharsets;

/**
 * One ping: its sequence number and the sender's clock when it left, as one line of ASCII text,
 * {@code "PING <seq> <sendNanos>"}, for example {@code "PING 3 81723645512"}. Text so that
 * {@code nc -u} shows it as it is. The server sends the same bytes back.
 * Provided, ready-made: nothing to write here.
 *
 * @param seq the sequence number, 1 for the first ping
 * @param sendNanos {@link System#nanoTime()} when the ping was sent
 */
public record PingMessage(int seq, long sendNanos) {
    private static final String PREFIX = "PING ";

    /** The datagram's payload: {@code "PING <seq> <sendNanos>"}. */
    public byte[] toBytes() {
        return (PREFIX + seq + " " + sendNanos).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a ping back from a received datagram.
     *
     * <pre>{@code
     * PingMessage.parse(packet.getData(), packet.getOffset(), packet.getLength())
     * }</pre>
     *
     * @return the ping, or {@code null} if the bytes are not a well-formed ping (ignore those)
     */
    public static PingMessage parse(byte[] data, int offset, int length) {
        String text = new String(data, offset, length, StandardCharsets.US_ASCII).trim();
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        String[] fields = text.substring(PREFIX.length()).split(" ");
        if (fields.length != 2) {
            return null;
        }
        try {
            return new PingMessage(Integer.parseInt(fields[0]), Long.parseLong(fields[1]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
