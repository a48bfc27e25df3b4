package socketlabs.lab04;

import java.net.Inet4Address;
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
        // TODO lab04 task 2: check for 8 bytes and a length field within 8..length; the payload ends where the length field says
        throw new UnsupportedOperationException("lab04 task 2: UdpDatagram.parse is not written yet");
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
        // TODO lab04 task 2: write header and payload with checksum zero, then Checksum.withPseudoHeader; a computed 0 goes out as 0xFFFF
        throw new UnsupportedOperationException("lab04 task 2: UdpDatagram.toBytes is not written yet");
    }
}
