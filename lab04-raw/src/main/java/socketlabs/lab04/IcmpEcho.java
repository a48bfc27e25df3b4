package socketlabs.lab04;

import java.util.Objects;

/**
 * Task 2: an ICMP echo request or reply (RFC 792), the messages of {@code ping}.
 *
 * <pre>
 * +--------+--------+-----------------+
 * |  type  |  code  |    checksum     |   type 8 = echo request, 0 = echo reply; code 0
 * |    identifier   | sequence number |
 * |  payload (data) ...               |
 * +--------+--------+-----------------+
 * </pre>
 * The checksum covers the whole ICMP message, payload included. Other ICMP types share the first
 * four bytes; for them {@code identifier} and {@code sequence} are simply bytes 4-7.
 *
 * @param type the type: {@link #ECHO_REQUEST} or {@link #ECHO_REPLY} (others are kept as read)
 * @param code the code, 0 for echo
 * @param checksum the checksum as received (ignored by {@link #toBytes()})
 * @param identifier the identifier, 0-65535: tells one ping process from another
 * @param sequence the sequence number, 0-65535: tells one request from the next
 * @param payload the data after the 8-byte header
 */
public record IcmpEcho(int type, int code, int checksum, int identifier, int sequence, byte[] payload) {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO_REQUEST = 8;
    /** The length of the header before the payload. */
    public static final int HEADER_LENGTH = 8;

    public IcmpEcho {
        Objects.requireNonNull(payload, "payload");
    }

    /** An echo request (type 8, code 0) with the given identifier, sequence number and payload. */
    public static IcmpEcho request(int identifier, int sequence, byte[] payload) {
        return new IcmpEcho(ECHO_REQUEST, 0, 0, identifier, sequence, payload);
    }

    /**
     * Parses the ICMP message that fills {@code data[offset .. offset+length)}. Every byte after
     * the 8-byte header is payload. The checksum is read, not verified: a message is intact when
     * {@code Checksum.of(data, offset, length) == 0}.
     *
     * <pre>{@code
     * // 08 00 f7 fc 00 01 00 02   (no payload)
     * IcmpEcho m = IcmpEcho.parse(data, 0, 8);
     * m.type() == 8; m.identifier() == 1; m.sequence() == 2; m.payload().length == 0
     * }</pre>
     *
     * @param data the bytes
     * @param offset where the message starts
     * @param length the message's length
     * @return the message
     * @throws MalformedPacketException {@code "header"} if there are fewer than 8 bytes
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static IcmpEcho parse(byte[] data, int offset, int length) {
        // TODO lab04 task 2: check for 8 bytes, read type, code, checksum, identifier, sequence; the rest is payload
        throw new UnsupportedOperationException("lab04 task 2: IcmpEcho.parse is not written yet");
    }

    /**
     * Writes the message with a checksum computed afresh over all of it.
     *
     * <pre>{@code
     * IcmpEcho.request(1, 2, new byte[0]).toBytes()  // 08 00 f7 fc 00 01 00 02
     * }</pre>
     *
     * @return the message's bytes, 8 + payload length
     */
    public byte[] toBytes() {
        // TODO lab04 task 2: write the header with checksum zero and the payload, then compute the checksum over all of it
        throw new UnsupportedOperationException("lab04 task 2: IcmpEcho.toBytes is not written yet");
    }
}
