package socketlabs.lab04;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Task 2: a TCP segment (RFC 9293, section 3.1).
 *
 * <pre>
 * +-----------------+-----------------+
 * |   source port   | destination port|
 * |          sequence number          |   32 bits, unsigned
 * |     acknowledgement number        |   32 bits, unsigned
 * |off|rsv| flags   |     window      |   data offset: header length in 32-bit words, 5-15
 * |    checksum     | urgent pointer  |   flags: CWR ECE URG ACK PSH RST SYN FIN
 * |  options ((data offset - 5) words)|
 * |  payload ...                      |
 * +-----------------+-----------------+
 * </pre>
 * The checksum covers the pseudo-header (addresses, zero, protocol 6, TCP length), the header and
 * the payload.
 *
 * @param sourcePort the source port, 0-65535
 * @param destinationPort the destination port, 0-65535
 * @param sequenceNumber the sequence number, 0 to 2^32 - 1
 * @param acknowledgementNumber the acknowledgement number, 0 to 2^32 - 1
 * @param flags the eight control bits (byte 13): an OR of {@link #FIN}, {@link #SYN}, ...
 * @param window the receive window, 0-65535
 * @param checksum the checksum as received (ignored by {@link #toBytes})
 * @param urgentPointer the urgent pointer, 0-65535
 * @param options the options, 0 to 40 bytes, a multiple of 4 (data offset = 5 + options.length / 4)
 * @param payload the data after the header
 */
public record TcpSegment(int sourcePort, int destinationPort, long sequenceNumber, long acknowledgementNumber,
        int flags, int window, int checksum, int urgentPointer, byte[] options, byte[] payload) {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;
    /** The length of a header without options. */
    public static final int MIN_LENGTH = 20;

    public TcpSegment {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(payload, "payload");
        if (options.length % 4 != 0 || options.length > 40) {
            throw new IllegalArgumentException("options must be 0-40 bytes in whole 32-bit words, not " + options.length);
        }
    }

    /** True if every bit of {@code flag} is set, e.g. {@code has(SYN)} or {@code has(SYN | ACK)}. */
    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** The data offset field: the header's length in 32-bit words, 5-15. */
    public int dataOffset() {
        return (MIN_LENGTH + options.length) / 4;
    }

    /**
     * Parses the TCP segment that fills {@code data[offset .. offset+length)}: everything after
     * the header is payload. The checksum is read, not verified.
     *
     * <pre>{@code
     * TcpSegment s = TcpSegment.parse(data, 0, 40);   // a SYN with 20 bytes of options
     * s.has(TcpSegment.SYN) == true; s.dataOffset() == 10; s.options().length == 20
     * }</pre>
     *
     * @param data the bytes
     * @param offset where the segment starts
     * @param length the segment's length, header and payload
     * @return the segment
     * @throws MalformedPacketException {@code "header"} if there are fewer than 20 bytes;
     *     {@code "data offset"} if it is under 5 or points past {@code length}
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static TcpSegment parse(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < MIN_LENGTH) {
            throw new MalformedPacketException("header", length + " bytes, fewer than the " + MIN_LENGTH + " of a TCP header");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        int dataOffset = (data[offset + 12] & 0xFF) >>> 4;
        if (dataOffset < 5) {
            throw new MalformedPacketException("data offset", dataOffset + " (" + dataOffset * 4 + " bytes) is under the minimum of 5 (20 bytes)");
        }
        if (dataOffset * 4 > length) {
            throw new MalformedPacketException("data offset", dataOffset + " (" + dataOffset * 4 + " bytes) is past the end of the "
                    + length + " bytes there are");
        }
        int headerLength = dataOffset * 4;
        return new TcpSegment(
                b.getShort(offset) & 0xFFFF,
                b.getShort(offset + 2) & 0xFFFF,
                b.getInt(offset + 4) & 0xFFFF_FFFFL,
                b.getInt(offset + 8) & 0xFFFF_FFFFL,
                data[offset + 13] & 0xFF,
                b.getShort(offset + 14) & 0xFFFF,
                b.getShort(offset + 16) & 0xFFFF,
                b.getShort(offset + 18) & 0xFFFF,
                Arrays.copyOfRange(data, offset + MIN_LENGTH, offset + headerLength),
                Arrays.copyOfRange(data, offset + headerLength, offset + length));
    }

    /**
     * Writes the segment, every field as it stands except the checksum, computed afresh with the
     * pseudo-header of {@code source} and {@code destination}.
     *
     * @param source the IPv4 source address
     * @param destination the IPv4 destination address
     * @return the segment's bytes, header and payload
     */
    public byte[] toBytes(Inet4Address source, Inet4Address destination) {
        ByteBuffer b = ByteBuffer.allocate(MIN_LENGTH + options.length + payload.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort);
        b.putInt((int) sequenceNumber).putInt((int) acknowledgementNumber);
        b.put((byte) (dataOffset() << 4)).put((byte) flags);
        b.putShort((short) window).putShort((short) 0).putShort((short) urgentPointer);
        b.put(options).put(payload);
        byte[] bytes = b.array();
        int sum = Checksum.withPseudoHeader(source, destination, Ipv4Header.PROTOCOL_TCP, bytes, 0, bytes.length);
        bytes[16] = (byte) (sum >>> 8);
        bytes[17] = (byte) sum;
        return bytes;
    }
}
