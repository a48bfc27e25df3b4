package socketlabs.lab04;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Task 3: a decoded IPv4 packet: its header and, when the payload is a first (or only) fragment
 * of ICMP, UDP or TCP, the transport header too. At most one of {@code tcp}, {@code udp},
 * {@code icmp} is not null.
 *
 * @param ip the IPv4 header
 * @param tcp the TCP segment, or null
 * @param udp the UDP datagram, or null
 * @param icmp the ICMP message, or null
 */
public record Packet(Ipv4Header ip, TcpSegment tcp, UdpDatagram udp, IcmpEcho icmp, boolean truncated) {
    /** The EtherType of IPv4 in an Ethernet header. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** The length of an Ethernet header: destination MAC, source MAC, EtherType. */
    public static final int ETHERNET_HEADER_LENGTH = 14;
    /** The length of a Linux cooked header, version 1 (link type 113): the protocol is in its bytes 14-15. */
    public static final int LINUX_SLL_HEADER_LENGTH = 16;
    /** The length of a Linux cooked header, version 2 (link type 276): the protocol is in its bytes 0-1. */
    public static final int LINUX_SLL2_HEADER_LENGTH = 20;
    /** The ICMP types that quote the datagram that caused them: unreachable, source quench, redirect, time exceeded, parameter problem. */
    public static final Set<Integer> ICMP_ERRORS = Set.of(3, 4, 5, 11, 12);

    public Packet {
        Objects.requireNonNull(ip, "ip");
    }

    /** A packet decoded whole, not cut short by a capture. */
    public Packet(Ipv4Header ip, TcpSegment tcp, UdpDatagram udp, IcmpEcho icmp) {
        this(ip, tcp, udp, icmp, false);
    }

    /**
     * Decodes one captured frame of link type {@code linkType}.
     * <ul>
     *   <li>{@link PcapFile#LINKTYPE_ETHERNET}: a 14-byte Ethernet header (destination MAC,
     *       source MAC, EtherType), then the packet if the EtherType is 0x0800 (IPv4);</li>
     *   <li>{@link PcapFile#LINKTYPE_RAW}: the packet itself, IPv4 if its version nibble is 4;</li>
     *   <li>{@link PcapFile#LINKTYPE_IPV4}: the packet itself.</li>
     * </ul>
     * A frame that carries no IPv4 packet (IPv6, ARP) gives an empty result.
     *
     * @param linkType the capture file's link type
     * @param frame the captured bytes
     * @return the decoded packet, or empty if the frame carries no IPv4 packet
     * @throws MalformedPacketException {@code "link type"} for a link type not listed above;
     *     {@code "Ethernet header"} for an Ethernet frame under 14 bytes; or what
     *     {@link #decodeIp} throws
     */
    public static Optional<Packet> decode(int linkType, byte[] frame) {
        switch (linkType) {
            case PcapFile.LINKTYPE_ETHERNET:
                return afterLinkHeader(frame, ETHERNET_HEADER_LENGTH, 12, "Ethernet header");
            case PcapFile.LINKTYPE_LINUX_SLL:
                return afterLinkHeader(frame, LINUX_SLL_HEADER_LENGTH, 14, "Linux cooked header");
            case PcapFile.LINKTYPE_LINUX_SLL2:
                return afterLinkHeader(frame, LINUX_SLL2_HEADER_LENGTH, 0, "Linux cooked header");
            case PcapFile.LINKTYPE_RAW:
                if (frame.length == 0 || (frame[0] & 0xFF) >>> 4 != 4) {
                    return Optional.empty(); // IPv6, or nothing at all
                }
                return Optional.of(decodeCaptured(frame, 0, frame.length));
            case PcapFile.LINKTYPE_IPV4:
                return Optional.of(decodeCaptured(frame, 0, frame.length));
            default:
                throw new MalformedPacketException("link type", linkType
                        + " is not one this reader decodes (1, 101, 113, 228, 276)");
        }
    }

    /** The packet after a link-layer header of {@code headerLength} bytes whose EtherType is at {@code typeAt}. */
    private static Optional<Packet> afterLinkHeader(byte[] frame, int headerLength, int typeAt, String field) {
        if (frame.length < headerLength) {
            throw new MalformedPacketException(field, frame.length + " bytes, fewer than the " + headerLength + " of a " + field);
        }
        int etherType = ByteBuffer.wrap(frame).getShort(typeAt) & 0xFFFF;
        if (etherType != ETHERTYPE_IPV4) {
            return Optional.empty();
        }
        return Optional.of(decodeCaptured(frame, headerLength, frame.length - headerLength));
    }

    /**
     * Decodes an IPv4 packet of which a capture may have kept only the first {@code length} bytes.
     * See the starter's Javadoc for what a packet cut short gives.
     */
    public static Packet decodeCaptured(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int total = length >= Ipv4Header.MIN_LENGTH ? (data[offset + 2] & 0xFF) << 8 | (data[offset + 3] & 0xFF) : 0;
        if (total <= length) {
            return decodeIp(data, offset, length); // whole (maybe padded): the usual checks
        }
        // cut short: decode as if the bytes past the capture were zeros, then keep only what was captured
        byte[] whole = Arrays.copyOf(Arrays.copyOfRange(data, offset, offset + length), total); // zeros after the capture
        Ipv4Header ip = Ipv4Header.parse(whole, 0, total);
        if (ip.headerLength() > length) {
            throw new MalformedPacketException("IHL", "the header is " + ip.headerLength() + " bytes, and only "
                    + length + " were captured");
        }
        int captured = length - ip.headerLength(); // how much of the payload the capture kept
        int fixedPart = ip.protocol() == Ipv4Header.PROTOCOL_TCP ? TcpSegment.MIN_LENGTH
                : ip.protocol() == Ipv4Header.PROTOCOL_UDP ? UdpDatagram.HEADER_LENGTH
                : ip.protocol() == Ipv4Header.PROTOCOL_ICMP ? IcmpEcho.HEADER_LENGTH : Integer.MAX_VALUE;
        if (ip.fragmentOffset() != 0 || captured < fixedPart) {
            return new Packet(ip, null, null, null, true);
        }
        Packet p = decodeIp(whole, 0, total);
        TcpSegment tcp = p.tcp();
        if (tcp != null) {
            byte[] kept = Arrays.copyOf(tcp.payload(), Math.max(0, captured - tcp.dataOffset() * 4));
            tcp = new TcpSegment(tcp.sourcePort(), tcp.destinationPort(), tcp.sequenceNumber(), tcp.acknowledgementNumber(),
                    tcp.flags(), tcp.window(), tcp.checksum(), tcp.urgentPointer(), tcp.options(), kept);
        }
        UdpDatagram udp = p.udp();
        if (udp != null) {
            byte[] kept = Arrays.copyOf(udp.payload(), captured - UdpDatagram.HEADER_LENGTH);
            udp = new UdpDatagram(udp.sourcePort(), udp.destinationPort(), udp.length(), udp.checksum(), kept);
        }
        IcmpEcho icmp = p.icmp();
        if (icmp != null) {
            byte[] kept = Arrays.copyOf(icmp.payload(), captured - IcmpEcho.HEADER_LENGTH);
            icmp = new IcmpEcho(icmp.type(), icmp.code(), icmp.checksum(), icmp.identifier(), icmp.sequence(), kept);
        }
        return new Packet(ip, tcp, udp, icmp, true);
    }

    /**
     * For an ICMP error (destination unreachable, time exceeded, ...), the datagram it quotes.
     * See the starter's Javadoc.
     */
    public Optional<Packet> quoted() {
        if (icmp == null || !ICMP_ERRORS.contains(icmp.type())) {
            return Optional.empty();
        }
        byte[] q = icmp.payload();
        try {
            return Optional.of(decodeCaptured(q, 0, q.length)); // the IPv4 header and at least 8 bytes of its payload
        } catch (MalformedPacketException e) {
            return Optional.empty(); // a quote too short or damaged to decode
        }
    }

    /**
     * Decodes the IPv4 packet in {@code data[offset .. offset+length)}: the IPv4 header, then the
     * transport header in the packet's payload, which ends where the total length says (bytes
     * after it, such as Ethernet padding, are not payload). A fragment with a non-zero offset
     * carries the middle of a message, not its header: its transport stays null, as it does for
     * a protocol other than 1, 6 and 17.
     *
     * <pre>{@code
     * Packet p = Packet.decodeIp(bytes, 0, n);    // what a raw socket received
     * p.udp().destinationPort() == 53
     * }</pre>
     *
     * @param data the bytes
     * @param offset where the IPv4 header starts
     * @param length how many bytes there are
     * @return the decoded packet
     * @throws MalformedPacketException naming the field if the IPv4 header or the transport
     *     header is truncated or inconsistent
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static Packet decodeIp(byte[] data, int offset, int length) {
        Ipv4Header ip = Ipv4Header.parse(data, offset, length);
        if (ip.fragmentOffset() != 0) {
            return new Packet(ip, null, null, null);
        }
        int start = offset + ip.headerLength();
        int payloadLength = ip.payloadLength();
        switch (ip.protocol()) {
            case Ipv4Header.PROTOCOL_TCP:
                return new Packet(ip, TcpSegment.parse(data, start, payloadLength), null, null);
            case Ipv4Header.PROTOCOL_UDP:
                return new Packet(ip, null, UdpDatagram.parse(data, start, payloadLength), null);
            case Ipv4Header.PROTOCOL_ICMP:
                return new Packet(ip, null, null, IcmpEcho.parse(data, start, payloadLength));
            default:
                return new Packet(ip, null, null, null);
        }
    }

    /** One line in the style of tcpdump, e.g. {@code "127.0.0.1.40000 > 127.0.0.1.9: UDP, length 5"}. */
    public String summary() {
        String from = ip.source().getHostAddress();
        String to = ip.destination().getHostAddress();
        if (tcp != null) {
            return from + "." + tcp.sourcePort() + " > " + to + "." + tcp.destinationPort() + ": Flags [" + flagLetters(tcp)
                    + "], seq " + tcp.sequenceNumber() + ", ack " + tcp.acknowledgementNumber() + ", win " + tcp.window()
                    + ", length " + tcp.payload().length + cut();
        }
        if (udp != null) {
            return from + "." + udp.sourcePort() + " > " + to + "." + udp.destinationPort() + ": UDP, length " + udp.payload().length + cut();
        }
        if (icmp != null) {
            Optional<Packet> quoted = quoted();
            if (quoted.isPresent()) {
                return from + " > " + to + ": ICMP type " + icmp.type() + " code " + icmp.code() + " about ["
                        + quoted.get().summary() + "]" + cut();
            }
            String kind = icmp.type() == IcmpEcho.ECHO_REQUEST ? "echo request"
                    : icmp.type() == IcmpEcho.ECHO_REPLY ? "echo reply" : "type " + icmp.type();
            return from + " > " + to + ": ICMP " + kind + ", id " + icmp.identifier() + ", seq " + icmp.sequence()
                    + ", length " + (IcmpEcho.HEADER_LENGTH + icmp.payload().length) + cut();
        }
        return from + " > " + to + ": ip-proto-" + ip.protocol() + " " + ip.payloadLength() + cut();
    }

    private String cut() {
        return truncated ? " [truncated]" : "";
    }

    private static String flagLetters(TcpSegment s) {
        StringBuilder f = new StringBuilder();
        if (s.has(TcpSegment.SYN)) {
            f.append('S');
        }
        if (s.has(TcpSegment.FIN)) {
            f.append('F');
        }
        if (s.has(TcpSegment.RST)) {
            f.append('R');
        }
        if (s.has(TcpSegment.PSH)) {
            f.append('P');
        }
        if (s.has(TcpSegment.ACK)) {
            f.append('.');
        }
        return f.toString();
    }
}
