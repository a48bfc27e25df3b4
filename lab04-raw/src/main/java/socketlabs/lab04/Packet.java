package socketlabs.lab04;

import java.util.Objects;
import java.util.Optional;

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
public record Packet(Ipv4Header ip, TcpSegment tcp, UdpDatagram udp, IcmpEcho icmp) {
    /** The EtherType of IPv4 in an Ethernet header. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** The length of an Ethernet header: destination MAC, source MAC, EtherType. */
    public static final int ETHERNET_HEADER_LENGTH = 14;

    public Packet {
        Objects.requireNonNull(ip, "ip");
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
        // TODO lab04 task 3: skip the link-layer header the link type says (14 bytes for Ethernet), then decodeIp
        throw new UnsupportedOperationException("lab04 task 3: Packet.decode is not written yet");
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
        // TODO lab04 task 3: parse the IPv4 header, then the transport header in the payload that the total length bounds
        throw new UnsupportedOperationException("lab04 task 3: Packet.decodeIp is not written yet");
    }

    /** One line in the style of tcpdump, e.g. {@code "127.0.0.1.40000 > 127.0.0.1.9: UDP, length 5"}. */
    public String summary() {
        String from = ip.source().getHostAddress();
        String to = ip.destination().getHostAddress();
        if (tcp != null) {
            return from + "." + tcp.sourcePort() + " > " + to + "." + tcp.destinationPort() + ": Flags [" + flagLetters(tcp)
                    + "], seq " + tcp.sequenceNumber() + ", ack " + tcp.acknowledgementNumber() + ", win " + tcp.window()
                    + ", length " + tcp.payload().length;
        }
        if (udp != null) {
            return from + "." + udp.sourcePort() + " > " + to + "." + udp.destinationPort() + ": UDP, length " + udp.payload().length;
        }
        if (icmp != null) {
            String kind = icmp.type() == IcmpEcho.ECHO_REQUEST ? "echo request"
                    : icmp.type() == IcmpEcho.ECHO_REPLY ? "echo reply" : "type " + icmp.type();
            return from + " > " + to + ": ICMP " + kind + ", id " + icmp.identifier() + ", seq " + icmp.sequence()
                    + ", length " + (IcmpEcho.HEADER_LENGTH + icmp.payload().length);
        }
        return from + " > " + to + ": ip-proto-" + ip.protocol() + " " + ip.payloadLength();
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
