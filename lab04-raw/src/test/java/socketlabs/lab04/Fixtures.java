package socketlabs.lab04;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The capture files recorded on loopback with tcpdump (src/test/resources/socketlabs/lab04; how
 * they were recorded: lab04-raw/fixtures/README.md), and what tshark decodes from each.
 */
final class Fixtures {
    /** HTTP, a TCP message, a UDP message, a ping. Ethernet, little-endian, microseconds. */
    static final String ORDINARY = "ordinary.pcap";
    /** The same packets, the file written big-endian. */
    static final String ORDINARY_SWAPPED = "ordinary-swapped.pcap";
    /** A connect scan of ports 20000-20099, two open. Ethernet, little-endian, nanoseconds. */
    static final String SCAN = "scan.pcap";
    /** The scan as raw IP (link type 101), nanoseconds. */
    static final String SCAN_RAWIP = "scan-rawip.pcap";
    /** The raw-IP scan, the file written big-endian. */
    static final String SCAN_RAWIP_SWAPPED = "scan-rawip-swapped.pcap";
    /** tcpdump -i any (link type 276, LINUX_SLL2): a TCP line, a UDP datagram, one to a closed port and its ICMP error. */
    static final String ANY_SLL2 = "any-sll2.pcap";
    /** The same traffic with tcpdump -i any -y LINUX_SLL (link type 113). */
    static final String ANY_SLL = "any-sll.pcap";
    /** HTTP recorded with tcpdump -s 64: every frame over 64 bytes cut short. Ethernet, microseconds. */
    static final String SNAP64 = "snap64.pcap";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/socketlabs/lab04/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /socketlabs/lab04/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture read with the reader under test. */
    static PcapFile read(String name) throws IOException {
        return PcapFile.read(new ByteArrayInputStream(bytes(name)));
    }

    /** tshark's fields for each packet of the capture, in {@link PcapDump}'s format. */
    static List<String> tshark(String name) {
        return new String(bytes(name.replace(".pcap", ".tshark.tsv")), StandardCharsets.UTF_8).lines().toList();
    }
}
