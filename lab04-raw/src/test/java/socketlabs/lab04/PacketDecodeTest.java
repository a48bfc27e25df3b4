package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Points;

@DisplayName("Task 3 · Decoding captured frames")
class PacketDecodeTest {

    /** Decodes every packet of a fixture and compares each with the line tshark wrote for it. */
    private static void sameAsTshark(String name) throws IOException {
        PcapFile f = Fixtures.read(name);
        List<String> tshark = Fixtures.tshark(name);
        assertEquals(tshark.size(), f.records().size(), name + ": tshark and PcapFile.read count different numbers of packets");
        for (int i = 0; i < tshark.size(); i++) {
            PcapRecord r = f.records().get(i);
            String ours = PcapDump.line(i + 1, r, Packet.decode(f.linkType(), r.data()));
            int n = i + 1;
            assertEquals(tshark.get(i), ours, () -> name + " packet " + n + " (" + Hex.of(r.data()) + ") decodes differently from tshark."
                    + " Fields, tab-separated: " + String.join(" ", PcapDump.FIELDS)
                    + ". Try: tshark -r lab04-raw/src/test/resources/socketlabs/lab04/" + name + " -V -Y frame.number==" + n);
        }
    }

    @Test
    @Points(3)
    @DisplayName("decodes every packet of ordinary traffic as tshark does (Ethernet)")
    void ordinary() throws IOException {
        sameAsTshark(Fixtures.ORDINARY);
    }

    @Test
    @Points(2)
    @DisplayName("decodes every packet of a scan as tshark does (raw IP, big-endian, nanoseconds)")
    void scanRawIp() throws IOException {
        sameAsTshark(Fixtures.SCAN_RAWIP_SWAPPED);
    }

    @Test
    @Points(1)
    @DisplayName("gives no packet for frames that carry no IPv4")
    void notIpv4() {
        byte[] ipv6 = TestPackets.concat(new byte[12], new byte[] {(byte) 0x86, (byte) 0xdd}, new byte[40]);
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_ETHERNET, ipv6), "an Ethernet frame of type 0x86dd (IPv6)");
        byte[] arp = TestPackets.concat(new byte[12], new byte[] {0x08, 0x06}, new byte[28]);
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_ETHERNET, arp), "an Ethernet frame of type 0x0806 (ARP)");
        byte[] rawIpv6 = TestPackets.concat(new byte[] {0x60}, new byte[39]);
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_RAW, rawIpv6), "a raw-IP frame whose version nibble is 6");
    }

    @Test
    @Points(1)
    @DisplayName("does not take Ethernet padding for payload")
    void padding() {
        byte[] ack = TestPackets.ipv4(6, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.tcp(40000, 80, 1, 1, 0x10, 512, new byte[0], new byte[0], TestPackets.LOOPBACK, TestPackets.LOOPBACK));
        byte[] frame = TestPackets.concat(TestPackets.ethernet(ack), new byte[6]); // padded to Ethernet's minimum of 60 bytes
        Packet p = Packet.decode(PcapFile.LINKTYPE_ETHERNET, frame).orElseThrow();
        assertNotNull(p.tcp(), "a TCP packet decodes with its TCP segment");
        assertEquals(0, p.tcp().payload().length, () -> "a pure ACK (total length 40) in a 60-byte frame (" + Hex.of(frame) + "): the 6"
                + " padding bytes are not payload. The IPv4 total length says where the packet ends, not the frame's length.");
    }

    @Test
    @Points(1)
    @DisplayName("finds the transport header after the IPv4 options (IHL above 5)")
    void afterOptions() {
        byte[] udp = TestPackets.udp(5353, 9999, new byte[] {'h', 'i'}, TestPackets.LOOPBACK, TestPackets.LOOPBACK);
        byte[] plain = TestPackets.ipv4(17, 1, TestPackets.LOOPBACK, TestPackets.LOOPBACK, udp);
        // the same packet with a 4-byte router-alert option: IHL 6, total length 4 more, checksum written again
        byte[] packet = TestPackets.concat(Arrays.copyOf(plain, 20), Hex.parse("94 04 00 00"), udp);
        packet[0] = 0x46;
        packet[3] = (byte) packet.length;
        packet[10] = 0;
        packet[11] = 0;
        int sum = TestPackets.checksum(packet, 0, 24);
        packet[10] = (byte) (sum >>> 8);
        packet[11] = (byte) sum;
        String what = "decoded an IPv4 packet with IHL 6 (a 4-byte option, 94 04 00 00) carrying UDP 5353 -> 9999 \"hi\" ("
                + Hex.of(packet) + "): ";
        String cause = ". The transport header starts at IHL x 4 = 24 bytes, not at 20: the option bytes 94 04 are not a port.";
        Packet p;
        try {
            p = Packet.decode(PcapFile.LINKTYPE_IPV4, packet).orElseThrow();
        } catch (MalformedPacketException e) {
            throw new AssertionError(what + "expected it to decode, but it threw " + e + cause, e);
        }
        assertNotNull(p.udp(), () -> what + "expected its UDP datagram, got none");
        assertEquals(5353, p.udp().sourcePort(), () -> what + "expected source port 5353, got " + p.udp().sourcePort() + cause);
        assertEquals(9999, p.udp().destinationPort(), () -> what + "expected destination port 9999, got " + p.udp().destinationPort());
        assertEquals("hi", new String(p.udp().payload(), StandardCharsets.US_ASCII),
                () -> what + "expected the payload \"hi\", got " + Hex.of(p.udp().payload()));
    }

    @Test
    @Points(1)
    @DisplayName("does not read a header in a later fragment")
    void laterFragment() {
        byte[] packet = TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK, new byte[16]);
        packet[7] = (byte) 185; // fragment offset 185 x 8 bytes: the middle of a datagram
        packet[10] = 0;
        packet[11] = 0;
        Packet p = Packet.decode(PcapFile.LINKTYPE_IPV4, packet).orElseThrow();
        assertNull(p.udp(), "a fragment with offset 185 carries bytes from the middle of the UDP datagram, not its header: udp() must be null");
        assertEquals(185, p.ip().fragmentOffset(), "the IPv4 header still decodes");
    }

    @ParameterizedTest(name = "link type {0}")
    @ValueSource(ints = {0, 113, 276})
    @Points(1)
    @DisplayName("rejects a link type it does not decode, naming the field")
    void unknownLinkType(int linkType) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Packet.decode(linkType, new byte[64]),
                "Packet.decode(" + linkType + ", ...) must throw MalformedPacketException(\"link type\", ...): only 1, 101, 228 are decoded");
        assertEquals("link type", e.field(), "the field named");
        MalformedPacketException shortFrame = assertThrows(MalformedPacketException.class,
                () -> Packet.decode(PcapFile.LINKTYPE_ETHERNET, new byte[13]), "a 13-byte Ethernet frame must throw MalformedPacketException");
        assertEquals("Ethernet header", shortFrame.field(), "the field named for a frame under 14 bytes");
    }

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("throws nothing but MalformedPacketException on 100,000 random and mutated frames (seeded)")
    void fuzz() throws IOException {
        PcapFile f = Fixtures.read(Fixtures.ORDINARY);
        List<byte[]> frames = f.records().stream().map(PcapRecord::data).filter(d -> d.length < 120).limit(20).toList();
        assertTrue(frames.size() > 5, "the fixture should give small frames to mutate");
        Fuzz.run("Packet.decode", 894, frames, (data, offset, length) -> {
            byte[] frame = java.util.Arrays.copyOfRange(data, offset, offset + length);
            Packet.decode(PcapFile.LINKTYPE_ETHERNET, frame);
            if (frame.length > 14) {
                Packet.decode(PcapFile.LINKTYPE_RAW, java.util.Arrays.copyOfRange(frame, 14, frame.length));
            }
        });
    }
}
