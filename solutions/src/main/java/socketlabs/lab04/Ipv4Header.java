package socketlabs.lab04;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Task 2: the IPv4 header (RFC 791, section 3.1). Every multi-byte field is big-endian
 * ("network byte order").
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |    Type of Service (tos)  |     Total Length    |
 * |         Identification        |Flags|      Fragment Offset      |
 * |  Time to Live |    Protocol   |         Header Checksum         |
 * |                       Source Address                            |
 * |                    Destination Address                          |
 * |                    Options (IHL - 5 words)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Flags: bit 0 reserved (zero), bit 1 DF (don't fragment), bit 2 MF (more fragments).
 *
 * @param tos the type of service byte (DSCP and ECN), 0-255
 * @param totalLength the length of the whole packet, header and payload, in bytes
 * @param identification the identification field, 0-65535
 * @param dontFragment the DF flag
 * @param moreFragments the MF flag
 * @param fragmentOffset the fragment offset in units of 8 bytes, 0-8191
 * @param ttl time to live, 0-255
 * @param protocol the payload's protocol: 1 ICMP, 6 TCP, 17 UDP
 * @param checksum the header checksum as it was received (ignored by {@link #toBytes()})
 * @param source the source address
 * @param destination the destination address
 * @param options the options, 0 to 40 bytes, a multiple of 4 (IHL = 5 + options.length / 4)
 */
public record Ipv4Header(int tos, int totalLength, int identification, boolean dontFragment, boolean moreFragments,
        int fragmentOffset, int ttl, int protocol, int checksum, Inet4Address source, Inet4Address destination,
        byte[] options) {

    /** The length of a header without options. */
    public static final int MIN_LENGTH = 20;
    public static final int PROTOCOL_ICMP = 1;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;

    public Ipv4Header {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(options, "options");
        if (options.length % 4 != 0 || options.length > 40) {
            throw new IllegalArgumentException("options must be 0-40 bytes in whole 32-bit words, not " + options.length);
        }
    }

    /**
     * A plain header: no options, tos 0, DF set, TTL 64, identification 0.
     *
     * @param protocol the payload's protocol
     * @param source the source address
     * @param destination the destination address
     * @param payloadLength the payload's length in bytes (the total length is 20 more)
     * @return the header
     */
    public static Ipv4Header of(int protocol, Inet4Address source, Inet4Address destination, int payloadLength) {
        return new Ipv4Header(0, MIN_LENGTH + payloadLength, 0, true, false, 0, 64, protocol, 0, source, destination, new byte[0]);
    }

    /** The header's length in bytes: IHL × 4. */
    public int headerLength() {
        return MIN_LENGTH + options.length;
    }

    /** The IHL field: the header's length in 32-bit words, 5-15. */
    public int ihl() {
        return headerLength() / 4;
    }

    /** The payload's length in bytes: total length minus header length. */
    public int payloadLength() {
        return totalLength - headerLength();
    }

    /**
     * Parses the IPv4 header at the start of {@code packet[offset .. offset+length)}, the whole
     * packet. Checks, in this order, and throws {@link MalformedPacketException} naming the field:
     * <ul>
     *   <li>{@code "header"}: fewer than 20 bytes;</li>
     *   <li>{@code "version"}: the version is not 4;</li>
     *   <li>{@code "IHL"}: IHL under 5, or IHL × 4 more than {@code length};</li>
     *   <li>{@code "total length"}: under IHL × 4, or more than {@code length}.</li>
     * </ul>
     * Bytes after the total length (Ethernet padding) are allowed and ignored. The checksum is
     * read, not verified: {@code Checksum.of(packet, offset, headerLength()) == 0} verifies it.
     *
     * <pre>{@code
     * // 45 00 00 54 12 34 40 00 40 01 ...  7f 00 00 01 7f 00 00 01
     * Ipv4Header h = Ipv4Header.parse(packet, 0, packet.length);
     * h.totalLength() == 84; h.identification() == 0x1234; h.dontFragment() == true; h.protocol() == 1
     * }</pre>
     *
     * @param packet the bytes
     * @param offset where the packet starts
     * @param length how many bytes of the packet there are
     * @return the header
     * @throws MalformedPacketException if the bytes are not a consistent IPv4 header
     * @throws IndexOutOfBoundsException if the range lies outside {@code packet}
     */
    public static Ipv4Header parse(byte[] packet, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, packet.length);
        if (length < MIN_LENGTH) {
            throw new MalformedPacketException("header", length + " bytes, fewer than the " + MIN_LENGTH + " of an IPv4 header");
        }
        ByteBuffer b = ByteBuffer.wrap(packet); // big-endian, the network byte order
        int version = (packet[offset] & 0xFF) >>> 4;
        int ihl = packet[offset] & 0x0F;
        if (version != 4) {
            throw new MalformedPacketException("version", version + ", not 4");
        }
        if (ihl < 5) {
            throw new MalformedPacketException("IHL", ihl + " (" + ihl * 4 + " bytes) is under the minimum of 5 (20 bytes)");
        }
        if (ihl * 4 > length) {
            throw new MalformedPacketException("IHL", ihl + " (" + ihl * 4 + " bytes) is more than the " + length + " bytes there are");
        }
        int totalLength = b.getShort(offset + 2) & 0xFFFF;
        if (totalLength < ihl * 4) {
            throw new MalformedPacketException("total length", totalLength + " is less than the header's own " + ihl * 4 + " bytes");
        }
        if (totalLength > length) {
            throw new MalformedPacketException("total length", totalLength + " is more than the " + length + " bytes there are");
        }
        int flagsAndOffset = b.getShort(offset + 6) & 0xFFFF;
        byte[] options = new byte[ihl * 4 - MIN_LENGTH];
        System.arraycopy(packet, offset + MIN_LENGTH, options, 0, options.length);
        return new Ipv4Header(
                packet[offset + 1] & 0xFF,
                totalLength,
                b.getShort(offset + 4) & 0xFFFF,
                (flagsAndOffset & 0x4000) != 0,
                (flagsAndOffset & 0x2000) != 0,
                flagsAndOffset & 0x1FFF,
                packet[offset + 8] & 0xFF,
                packet[offset + 9] & 0xFF,
                b.getShort(offset + 10) & 0xFFFF,
                Addresses.ipv4(packet, offset + 12),
                Addresses.ipv4(packet, offset + 16),
                options);
    }

    /**
     * Writes the header, IHL × 4 bytes, with every field as it stands except the checksum, which
     * is computed afresh over the header written.
     *
     * <pre>{@code
     * byte[] h = Ipv4Header.of(1, src, dst, 64).toBytes();
     * h.length == 20; h[0] == 0x45; Checksum.of(h, 0, 20) == 0
     * }</pre>
     *
     * @return the header's bytes
     */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(headerLength());
        b.put((byte) (4 << 4 | ihl()));
        b.put((byte) tos);
        b.putShort((short) totalLength);
        b.putShort((short) identification);
        int flags = (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0);
        b.putShort((short) (flags | (fragmentOffset & 0x1FFF)));
        b.put((byte) ttl);
        b.put((byte) protocol);
        b.putShort((short) 0); // the checksum is computed over the header with this field zero
        b.put(source.getAddress());
        b.put(destination.getAddress());
        b.put(options);
        byte[] bytes = b.array();
        int sum = Checksum.of(bytes, 0, bytes.length);
        bytes[10] = (byte) (sum >>> 8);
        bytes[11] = (byte) sum;
        return bytes;
    }
}
