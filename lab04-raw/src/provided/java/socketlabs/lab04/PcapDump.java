package socketlabs.lab04;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints the fields of every packet of a capture file, decoded with the lab's own codecs, one
 * line per packet, tab-separated, in the same order and format as this {@code tshark} command
 * (so the two outputs can be compared with {@code diff}; see {@code lab04-raw/instructor/}):
 * <pre>
 * tshark -r FILE -T fields -E occurrence=f -e frame.number -e frame.time_epoch -e frame.len
 *   -e frame.cap_len -e ip.src -e ip.dst -e ip.proto -e ip.ttl -e ip.id -e ip.len -e ip.hdr_len
 *   -e ip.flags.df -e ip.flags.mf -e ip.frag_offset -e ip.checksum -e tcp.srcport -e tcp.dstport
 *   -e tcp.seq_raw -e tcp.ack_raw -e tcp.hdr_len -e tcp.flags -e tcp.window_size_value
 *   -e tcp.checksum -e tcp.len -e udp.srcport -e udp.dstport -e udp.length -e udp.checksum
 *   -e icmp.type -e icmp.code -e icmp.ident -e icmp.seq -e icmp.checksum
 * </pre>
 * Provided, ready-made; it works once tasks 2 and 3 are done. Run it:
 * {@code java -cp lab04-raw/target/classes socketlabs.lab04.PcapDump FILE...}
 */
public final class PcapDump {
    /** The tshark fields that {@link #line} writes, in order. */
    public static final List<String> FIELDS = List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
            "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.id", "ip.len", "ip.hdr_len", "ip.flags.df", "ip.flags.mf",
            "ip.frag_offset", "ip.checksum", "tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len",
            "tcp.flags", "tcp.window_size_value", "tcp.checksum", "tcp.len", "udp.srcport", "udp.dstport", "udp.length",
            "udp.checksum", "icmp.type", "icmp.code", "icmp.ident", "icmp.seq", "icmp.checksum");

    private PcapDump() {
    }

    /** Arguments: capture files; or {@code --fields} to print the tshark field names. */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--fields")) {
            System.out.println(String.join(" ", FIELDS));
            return;
        }
        for (String file : args) {
            PcapFile capture = PcapFile.read(Path.of(file));
            int number = 0;
            for (PcapRecord r : capture.records()) {
                System.out.println(line(++number, r, Packet.decode(capture.linkType(), r.data())));
            }
        }
    }

    /** One packet's fields, tab-separated, empty where the packet has no such field. */
    public static String line(int number, PcapRecord r, Optional<Packet> decoded) {
        List<Object> f = new ArrayList<>();
        f.add(number);
        f.add(r.timestamp().getEpochSecond() + "." + String.format("%09d", r.timestamp().getNano()));
        f.add(r.originalLength());
        f.add(r.data().length);
        if (decoded.isEmpty()) {
            return String.join("\t", pad(f));
        }
        Packet p = decoded.get();
        Ipv4Header ip = p.ip();
        f.add(ip.source().getHostAddress());
        f.add(ip.destination().getHostAddress());
        f.add(ip.protocol());
        f.add(ip.ttl());
        f.add(hex4(ip.identification()));
        f.add(ip.totalLength());
        f.add(ip.headerLength());
        f.add(ip.dontFragment() ? 1 : 0);
        f.add(ip.moreFragments() ? 1 : 0);
        f.add(ip.fragmentOffset() * 8); // tshark shows the offset in bytes
        f.add(hex4(ip.checksum()));
        // an ICMP error's TCP and UDP fields are those of the datagram it quotes, as tshark shows them
        Packet carrier = p.quoted().orElse(p);
        TcpSegment tcp = carrier.tcp();
        if (tcp != null) {
            // the length on the wire (tshark's tcp.len), which a capture cut short may not hold all of
            int length = carrier.ip().payloadLength() - tcp.dataOffset() * 4;
            f.addAll(List.of(tcp.sourcePort(), tcp.destinationPort(), tcp.sequenceNumber(), tcp.acknowledgementNumber(),
                    tcp.dataOffset() * 4, hex4(tcp.flags()), tcp.window(), hex4(tcp.checksum()), length));
        } else {
            f.addAll(List.of("", "", "", "", "", "", "", "", ""));
        }
        UdpDatagram udp = carrier.udp();
        if (udp != null) {
            f.addAll(List.of(udp.sourcePort(), udp.destinationPort(), udp.length(), hex4(udp.checksum())));
        } else {
            f.addAll(List.of("", "", "", ""));
        }
        IcmpEcho icmp = p.icmp();
        if (icmp != null) {
            boolean error = Packet.ICMP_ERRORS.contains(icmp.type()); // bytes 4-7 of an error are no identifier
            f.addAll(List.of(icmp.type(), icmp.code(), error ? "" : icmp.identifier(), error ? "" : icmp.sequence(),
                    hex4(icmp.checksum())));
        }
        return String.join("\t", pad(f));
    }

    private static String hex4(int value) {
        return String.format("0x%04x", value);
    }

    private static List<String> pad(List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(String.valueOf(v));
        }
        while (out.size() < FIELDS.size()) {
            out.add("");
        }
        return out;
    }
}
