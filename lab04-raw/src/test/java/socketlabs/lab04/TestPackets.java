package socketlabs.lab04;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * The tests' own packet builder, written apart from the codecs under test so that a test never
 * checks student code against itself. Every builder writes correct checksums.
 */
final class TestPackets {
    static final Inet4Address LOOPBACK = Addresses.ipv4("127.0.0.1");

    private TestPackets() {
    }

    /** RFC 1071, the plain way: the reference the checksum tests compare against. */
    static int checksum(byte[] b, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int hi = b[offset + i] & 0xFF;
            int lo = i + 1 < length ? b[offset + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        while (sum > 0xFFFF) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    static byte[] icmp(int type, int code, int identifier, int sequence, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) type).put((byte) code).putShort((short) 0).putShort((short) identifier).putShort((short) sequence).put(payload);
        return withChecksum(b.array(), 2, 0, b.capacity());
    }

    /** A whole IPv4 packet: a 20-byte header (DF set, id 0x1234) and the payload. */
    static byte[] ipv4(int protocol, int ttl, Inet4Address source, Inet4Address destination, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 0x1234).putShort((short) 0x4000);
        b.put((byte) ttl).put((byte) protocol).putShort((short) 0).put(source.getAddress()).put(destination.getAddress());
        b.put(payload);
        return withChecksum(b.array(), 10, 0, 20);
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload, Inet4Address source, Inet4Address destination) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort).putShort((short) (8 + payload.length)).putShort((short) 0);
        b.put(payload);
        return withPseudoHeaderChecksum(b.array(), 6, 17, source, destination);
    }

    static byte[] tcp(int sourcePort, int destinationPort, long seq, long ack, int flags, int window, byte[] options,
            byte[] payload, Inet4Address source, Inet4Address destination) {
        ByteBuffer b = ByteBuffer.allocate(20 + options.length + payload.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort).putInt((int) seq).putInt((int) ack);
        b.put((byte) ((5 + options.length / 4) << 4)).put((byte) flags).putShort((short) window).putInt(0);
        b.put(options).put(payload);
        return withPseudoHeaderChecksum(b.array(), 16, 6, source, destination);
    }

    /** An Ethernet frame (zero MAC addresses, as on loopback) carrying an IPv4 packet. */
    static byte[] ethernet(byte[] ipPacket) {
        return concat(new byte[12], new byte[] {0x08, 0x00}, ipPacket);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] withChecksum(byte[] b, int at, int offset, int length) {
        int sum = checksum(b, offset, length);
        b[at] = (byte) (sum >> 8);
        b[at + 1] = (byte) sum;
        return b;
    }

    /** The checksum of the pseudo-header followed by the segment, as it stands. */
    static int pseudoHeaderChecksum(Inet4Address source, Inet4Address destination, int protocol, byte[] segment) {
        ByteBuffer pseudo = ByteBuffer.allocate(12 + segment.length);
        pseudo.put(source.getAddress()).put(destination.getAddress()).put((byte) 0).put((byte) protocol)
                .putShort((short) segment.length).put(segment);
        return checksum(pseudo.array(), 0, pseudo.capacity());
    }

    private static byte[] withPseudoHeaderChecksum(byte[] segment, int at, int protocol, Inet4Address source, Inet4Address destination) {
        int sum = pseudoHeaderChecksum(source, destination, protocol, segment);
        if (sum == 0 && protocol == 17) {
            sum = 0xFFFF;
        }
        segment[at] = (byte) (sum >> 8);
        segment[at + 1] = (byte) sum;
        return segment;
    }
}
