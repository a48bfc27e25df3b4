package socketlabs.lab04;

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
 * @param truncated true if a capture kept only the first bytes of the packet (see {@link #decodeCaptured})
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
     *   <li>{@link PcapFile#LINKTYPE_LINUX_SLL} ({@code tcpdump -i any -y LINUX_SLL}): a 16-byte
     *       header, its bytes 14-15 the EtherType, then the packet if it is 0x0800;</li>
     *   <li>{@link PcapFile#LINKTYPE_LINUX_SLL2} ({@code tcpdump -i any}): a 20-byte header, its
     *       bytes 0-1 the EtherType, then the packet if it is 0x0800;</li>
     *   <li>{@link PcapFile#LINKTYPE_RAW}: the packet itself, IPv4 if its version nibble is 4;</li>
     *   <li>{@link PcapFile#LINKTYPE_IPV4}: the packet itself.</li>
     * </ul>
     * A frame that carries no IPv4 packet (IPv6, ARP) gives an empty result. The packet is decoded
     * with {@link #decodeCaptured}: a capture's snap length may have cut it short.
     *
     * @param linkType the capture file's link type
     * @param frame the captured bytes
     * @return the decoded packet, or empty if the frame carries no IPv4 packet
     * @throws MalformedPacketException {@code "link type"} for a link type not listed above;
     *     {@code "Ethernet header"} for an Ethernet frame under 14 bytes; {@code "Linux cooked
     *     header"} for a frame of type 113 under 16 bytes or of type 276 under 20; or what
     *     {@link #decodeCaptured} throws
     */
    public static Optional<Packet> decode(int linkType, byte[] frame) {
        // TODO lab04 task 3: skip the link-layer header the link type says (14 bytes for Ethernet), then decodeCaptured
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

    /**
     * Decodes an IPv4 packet of which a capture may have kept only the first {@code length} bytes
     * ({@code tcpdump -s 64} keeps 64 bytes of each frame). If the packet's total length is not
     * more than {@code length}, this is {@link #decodeIp}, and {@code truncated()} is false.
     * Otherwise the packet was cut short: it is decoded as far as its bytes go, and
     * {@code truncated()} is true.
     * <ul>
     *   <li>the IPv4 header must have been captured whole ({@code "header"} if fewer than 20 bytes
     *       were, {@code "IHL"} if fewer than IHL × 4), and is checked as {@link Ipv4Header#parse}
     *       checks it, except that the total length may be more than {@code length};</li>
     *   <li>the transport header is decoded if its fixed part was captured (TCP 20 bytes, UDP and
     *       ICMP 8), as if the bytes past the capture's end were zeros (missing TCP option bytes
     *       read as 0, End of Option List); otherwise, as for a later fragment, it stays null;</li>
     *   <li>its payload is the part that was captured, possibly none: never the zeros.</li>
     * </ul>
     * One way: copy the packet into an array of its total length (Java fills the rest with zeros),
     * decode that with {@link #decodeIp}, then cut the transport's payload to what was captured.
     *
     * <pre>{@code
     * // a 60-byte SYN (40 of TCP header) of which 50 bytes were captured
     * Packet p = Packet.decodeCaptured(bytes, 0, 50);
     * p.truncated() == true; p.tcp().destinationPort() == 80; p.tcp().payload().length == 0
     * }</pre>
     *
     * @param data the bytes
     * @param offset where the IPv4 header starts
     * @param length how many bytes of the packet were captured
     * @return the decoded packet
     * @throws MalformedPacketException naming the field if what was captured is not a consistent
     *     start of an IPv4 packet
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     */
    public static Packet decodeCaptured(byte[] data, int offset, int length) {
        // TODO lab04 task 3: total length <= length: decodeIp; else decode a zero-padded copy, then keep only the captured payload
        throw new UnsupportedOperationException("lab04 task 3: Packet.decodeCaptured is not written yet");
    }

    /**
     * For an ICMP error (a type in {@link #ICMP_ERRORS}: destination unreachable, time exceeded,
     * ...), the datagram that caused it: the ICMP payload holds its IPv4 header and at least its
     * first 8 bytes (a UDP header, or a TCP segment's ports and sequence number), decoded with
     * {@link #decodeCaptured}. This is how {@code tshark} shows the ports of the datagram that
     * went unanswered.
     *
     * <pre>{@code
     * // 127.0.0.1 > 127.0.0.1: ICMP type 3 code 3 (port unreachable), quoting a UDP datagram to port 9
     * p.quoted().get().udp().destinationPort() == 9
     * }</pre>
     *
     * @return the quoted packet; empty if this is not an ICMP error, or if its quote does not
     *     decode (too short, or not IPv4): never an exception
     */
    public Optional<Packet> quoted() {
        // TODO lab04 task 3: an ICMP error type? then decodeCaptured of the ICMP payload; MalformedPacketException gives empty
        throw new UnsupportedOperationException("lab04 task 3: Packet.quoted is not written yet");
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
