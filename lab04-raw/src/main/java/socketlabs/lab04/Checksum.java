package socketlabs.lab04;

import java.net.Inet4Address;

/**
 * Task 1: the Internet checksum (RFC 1071), used by the IPv4, ICMP, UDP and TCP headers. It is
 * the ones' complement of the ones' complement sum of the data taken as 16-bit big-endian words.
 */
public final class Checksum {
    private Checksum() {
    }

    /**
     * Computes the Internet checksum of {@code data[offset .. offset+length)}.
     *
     * @param data the bytes
     * @param offset where the range starts
     * @param length how many bytes, odd lengths included
     * @return the checksum, 0-65535
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static int of(byte[] data, int offset, int length) {
        // TODO lab04 task 1: add 16-bit big-endian words in a long, pad an odd last byte with zero, fold the carries, then complement
        throw new UnsupportedOperationException("lab04 task 1: Checksum.of is not written yet");
    }

    /**
     * Computes the checksum of a UDP or TCP segment: the segment preceded by the pseudo-header of
     * RFC 768 / RFC 9293 (source address, destination address, a zero byte, the protocol, the
     * segment's length as 16 bits).
     *
     * @param source the IPv4 source address
     * @param destination the IPv4 destination address
     * @param protocol 6 for TCP, 17 for UDP
     * @param segment the bytes holding the segment (its checksum field included as it stands)
     * @param offset where the segment starts
     * @param length the segment's length in bytes
     * @return the checksum, 0-65535
     * @throws IndexOutOfBoundsException if the range lies outside {@code segment}
     */
    public static int withPseudoHeader(Inet4Address source, Inet4Address destination, int protocol,
            byte[] segment, int offset, int length) {
        // TODO lab04 task 2: put the 12-byte pseudo-header in front of the segment and take Checksum.of of it all
        throw new UnsupportedOperationException("lab04 task 2: Checksum.withPseudoHeader is not written yet");
    }
}
