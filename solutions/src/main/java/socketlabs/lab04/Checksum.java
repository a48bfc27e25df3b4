package socketlabs.lab04;

import java.net.Inet4Address;
import java.util.Objects;

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
        Objects.checkFromIndexSize(offset, length, data.length);
        long sum = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (data[i] & 0xFF) << 8; // an odd last byte is padded with a zero byte on its right
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16); // fold the carries back in: ones' complement addition
        }
        return (int) (~sum & 0xFFFF);
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
        Objects.checkFromIndexSize(offset, length, segment.length);
        byte[] all = new byte[12 + length];
        System.arraycopy(source.getAddress(), 0, all, 0, 4);
        System.arraycopy(destination.getAddress(), 0, all, 4, 4);
        all[8] = 0;
        all[9] = (byte) protocol;
        all[10] = (byte) (length >>> 8);
        all[11] = (byte) length;
        System.arraycopy(segment, offset, all, 12, length);
        return of(all, 0, all.length);
    }
}
