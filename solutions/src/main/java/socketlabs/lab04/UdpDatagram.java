package socketlabs.lab04;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Task 2: a UDP datagram (RFC 768).
 *
 * <pre>
 * +-----------------+-----------------+
 * |   source port   | destination port|
 * |     length      |    checksum     |   length = 8 + payload length
 * |  payload ...                      |
 * +-----------------+-----------------+
 * </pre>
 * The checksum covers a pseudo-header (source and destination address, zero, protocol 17, UDP
 * length), the header and the payload; a computed 0 is sent as 0xFFFF, because 0 means "no
 * checksum".
 *
 * @param sourcePort the source port, 0-65535
 * @param destinationPort the destination port, 0-65535
 * @param length the length field: header and payload in bytes
 * @param checksum the checksum as received (ignored by {@link #toBytes})
 * @param payload the data
 */
public record UdpDatagram(int sourcePort, int destinationPort, int length, int checksum, byte[] payload) {
    /** The length of the header before the payload. */
    public static final int HEADER_LENGTH = 8;

    public UdpDatagram {
        Objects.requireNonNull(payload, "payload");
    }

    /** A datagram from {@code sourcePort} to {@code destinationPort} carrying {@code payload}. */
    public static UdpDatagram of(int sourcePort, int destinationPort, byte[] payload) {
        return new UdpDatagram(sourcePort, destinationPort, HEADER_LENGTH + payload.length, 0, payload);
    }

    /**
     * Parses the UDP datagram in {@code data[offset .. offset+length)}. The payload is what the
     * length field says, bytes beyond it are ignored. The checksum is read, not verified.
     *
     * <pre>{@code
     * // 30 39 00 35 00 0b xx xx 61 62 63
     * UdpDatagram d = UdpDatagram.parse(data, 0, 11);
     * d.sourcePort() == 12345; d.destinationPort() == 53; new String(d.payload()).equals("abc")
     * }</pre>
     *
     * @param data the bytes
     * @param offset where the datagram starts
     * @param length how many bytes there are
     * @return the datagram
     * @throws MalformedPacketException {@code "header"} if there are fewer than 8 bytes;
     *     {@code "length"} if the length field is under 8 or more than {@code length}
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static UdpDatagram parse(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < HEADER_LENGTH) {
            throw new MalformedPacketException("header", length + " bytes, fewer than the " + HEADER_LENGTH + " of a UDP header");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        int udpLength = b.getShort(offset + 4) & 0xFFFF;
        if (udpLength < HEADER_LENGTH) {
            throw new MalformedPacketException("length", udpLength + " is less than the header's own " + HEADER_LENGTH + " bytes");
        }
        if (udpLength > length) {
            throw new MalformedPacketException("length", udpLength + " is more than the " + length + " bytes there are");
        }
        return new UdpDatagram(
                b.getShort(offset) & 0xFFFF,
                b.getShort(offset + 2) & 0xFFFF,
                udpLength,
                b.getShort(offset + 6) & 0xFFFF,
                Arrays.copyOfRange(data, offset + HEADER_LENGTH, offset + udpLength));
    }

    /**
     * Writes the datagram with the length field set to 8 + payload length and a checksum computed
     * afresh with the pseudo-header of {@code source} and {@code destination}.
     *
     * @param source the IPv4 source address the datagram will be sent from
     * @param destination the IPv4 destination address
     * @return the datagram's bytes
     */
    public byte[] toBytes(Inet4Address source, Inet4Address destination) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort);
        b.putShort((short) (HEADER_LENGTH + payload.length)).putShort((short) 0);
        b.put(payload);
        byte[] bytes = b.array();
        int sum = Checksum.withPseudoHeader(source, destination, Ipv4Header.PROTOCOL_UDP, bytes, 0, bytes.length);
        if (sum == 0) {
            sum = 0xFFFF; // 0 would mean "no checksum"; 0xFFFF is the same value in ones' complement
        }
        bytes[6] = (byte) (sum >>> 8);
        bytes[7] = (byte) sum;
        return bytes;
    }
}
