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
    @ValueSource(ints = {0, 105, 277})
    @Points(1)
    @DisplayName("rejects a link type it does not decode, naming the field")
    void unknownLinkType(int linkType) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Packet.decode(linkType, new byte[64]),
                "Packet.decode(" + linkType + ", ...) must throw MalformedPacketException(\"link type\", ...): only 1, 101, 113,"
                        + " 228 and 276 are decoded");
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

    @Test
    @Points(2)
    @DisplayName("decodes every packet of a capture of all interfaces as tshark does (Linux cooked v2, type 276)")
    void anySll2() throws IOException {
        sameAsTshark(Fixtures.ANY_SLL2);
    }

    @Test
    @Points(1)
    @DisplayName("decodes every packet of a capture of all interfaces as tshark does (Linux cooked v1, type 113)")
    void anySll() throws IOException {
        sameAsTshark(Fixtures.ANY_SLL);
    }

    @Test
    @Points(2)
    @DisplayName("decodes every packet of a capture cut to 64 bytes as tshark does, and marks them truncated")
    void snapLength() throws IOException {
        sameAsTshark(Fixtures.SNAP64);
        PcapFile f = Fixtures.read(Fixtures.SNAP64);
        for (PcapRecord r : f.records()) {
            Packet p = Packet.decode(f.linkType(), r.data()).orElseThrow();
            boolean cut = r.data().length < r.originalLength();
            assertEquals(cut, p.truncated(), () -> Fixtures.SNAP64 + ": a " + r.originalLength() + "-byte frame of which "
                    + r.data().length + " bytes were captured: truncated() must be " + cut);
            assertEquals(cut, r.truncated(), () -> "PcapRecord.truncated() of a record with " + r.data().length
                    + " bytes captured of " + r.originalLength());
        }
    }

    @Test
    @Points(1)
    @DisplayName("a Linux cooked frame shorter than its header is refused, naming the field; other protocols give nothing")
    void cookedHeaders() {
        for (int[] c : new int[][] {{PcapFile.LINKTYPE_LINUX_SLL, 16}, {PcapFile.LINKTYPE_LINUX_SLL2, 20}}) {
            MalformedPacketException e = assertThrows(MalformedPacketException.class,
                    () -> Packet.decode(c[0], new byte[c[1] - 1]), "Packet.decode(" + c[0] + ", a " + (c[1] - 1)
                            + "-byte frame): the header of link type " + c[0] + " is " + c[1] + " bytes");
            assertEquals("Linux cooked header", e.field(), "the field named for a frame of type " + c[0] + " under "
                    + c[1] + " bytes");
        }
        byte[] packet = TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.udp(4000, 53, new byte[] {1}, TestPackets.LOOPBACK, TestPackets.LOOPBACK));
        byte[] sll = TestPackets.concat(Hex.parse("00 00 03 04 00 06 00 00 00 00 00 00 00 00"), Hex.parse("86 dd"), packet);
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_LINUX_SLL, sll), "a type-113 frame whose"
                + " protocol (bytes 14-15) is 86 dd, IPv6: no IPv4 packet");
        sll[14] = 0x08;
        sll[15] = 0x00;
        assertEquals(53, Packet.decode(PcapFile.LINKTYPE_LINUX_SLL, sll).orElseThrow().udp().destinationPort(),
                "a type-113 frame whose bytes 14-15 are 08 00: the IPv4 packet starts at byte 16");
        byte[] sll2 = TestPackets.concat(Hex.parse("08 06 00 00 00 00 00 01 03 04 00 06 00 00 00 00 00 00 00 00"), packet);
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_LINUX_SLL2, sll2), "a type-276 frame whose"
                + " protocol (bytes 0-1) is 08 06, ARP: no IPv4 packet");
        sll2[1] = 0x00;
        assertEquals(53, Packet.decode(PcapFile.LINKTYPE_LINUX_SLL2, sll2).orElseThrow().udp().destinationPort(),
                "a type-276 frame whose bytes 0-1 are 08 00: the IPv4 packet starts at byte 20");
    }

    /** A SYN to port 80 with 20 bytes of options (data offset 10) and no payload: 60 bytes of IPv4. */
    static byte[] syn() {
        byte[] options = Hex.parse("02 04 ff d7 04 02 08 0a 00 00 00 01 00 00 00 00 01 03 03 0a");
        return TestPackets.ipv4(6, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.tcp(50123, 80, 0x9abcdef0L, 0, 0x02, 65495, options, new byte[0], TestPackets.LOOPBACK, TestPackets.LOOPBACK));
    }

    @Test
    @Points(2)
    @DisplayName("decodeCaptured: a packet cut short decodes as far as its bytes go, its payload only what was captured")
    void decodeCapturedCutShort() {
        byte[] syn = syn();
        String what = "Packet.decodeCaptured of a 60-byte SYN (40 bytes of TCP header) of which 50 bytes were captured ("
                + Hex.of(syn) + ")";
        Packet p = decodeOrFail(what, syn, 50);
        assertTrue(p.truncated(), what + ": truncated() must be true");
        assertNotNull(p.tcp(), what + ": the TCP header's fixed 20 bytes were captured, so tcp() must not be null");
        assertEquals(80, p.tcp().destinationPort(), what + ": destination port");
        assertEquals(0x9abcdef0L, p.tcp().sequenceNumber(), what + ": sequence number");
        assertEquals(10, p.tcp().dataOffset(), what + ": the data offset stays 10 (the missing option bytes read as 0)");
        assertEquals("02 04 ff d7 04 02 08 0a 00 00 00 00 00 00 00 00 00 00 00 00", Hex.of(p.tcp().options()), what
                + ": the 10 option bytes captured, then zeros");
        assertEquals(60, p.ip().totalLength(), what + ": the IPv4 header's total length is as sent");

        byte[] payload = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        byte[] udp = TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.udp(5353, 9999, payload, TestPackets.LOOPBACK, TestPackets.LOOPBACK));
        byte[] inView = TestPackets.concat(new byte[7], udp, new byte[9]);
        String w = "Packet.decodeCaptured(bytes, 7, 35) of a 48-byte UDP packet (20 bytes of payload) of which 35 bytes"
                + " were captured, lying at offset 7 of a longer array";
        Packet u = decodeOrFail(w, inView, 7, 35);
        assertTrue(u.truncated(), w + ": truncated() must be true");
        assertNotNull(u.udp(), w + ": the UDP header was captured whole");
        assertEquals(28, u.udp().length(), w + ": the UDP length field is as sent (8 + 20)");
        assertEquals("30 31 32 33 34 35 36", Hex.of(u.udp().payload()), w + ": the payload is the 7 bytes captured, not"
                + " the zeros after them nor the bytes that follow in the array");

        byte[] ping = TestPackets.ipv4(1, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.icmp(8, 0, 7, 9, new byte[56]));
        Packet e = decodeOrFail("Packet.decodeCaptured of an 84-byte ping cut to 30 bytes", ping, 30);
        assertEquals(7, e.icmp().identifier(), "Packet.decodeCaptured of an 84-byte ping cut to 30 bytes: identifier");
        assertEquals(2, e.icmp().payload().length, "Packet.decodeCaptured of an 84-byte ping cut to 30 bytes: 2 bytes of"
                + " its payload were captured");
    }

    @Test
    @Points(1)
    @DisplayName("decodeCaptured: a transport header not captured stays null; an IPv4 header not captured is refused")
    void decodeCapturedTooShort() {
        byte[] syn = syn();
        Packet p = decodeOrFail("Packet.decodeCaptured of a SYN cut to 39 bytes (19 of TCP)", syn, 39);
        assertTrue(p.truncated(), "Packet.decodeCaptured of a SYN cut to 39 bytes: truncated() must be true");
        assertNull(p.tcp(), "Packet.decodeCaptured of a SYN cut to 39 bytes: only 19 of the 20 fixed bytes of the TCP"
                + " header were captured, so tcp() must be null (zeros are not a header)");
        Packet whole = decodeOrFail("Packet.decodeCaptured of a whole 60-byte SYN", syn, 60);
        assertTrue(!whole.truncated(), "Packet.decodeCaptured of a whole 60-byte SYN: truncated() must be false");
        MalformedPacketException ihl = assertThrows(MalformedPacketException.class, () -> Packet.decodeCaptured(
                optionsHeader(), 0, 22), "Packet.decodeCaptured of a packet whose 24-byte header (IHL 6) was cut to 22"
                + " bytes: the IPv4 header must be captured whole");
        assertEquals("IHL", ihl.field(), "the field named when fewer than IHL x 4 bytes were captured");
        MalformedPacketException header = assertThrows(MalformedPacketException.class, () -> Packet.decodeCaptured(syn, 0,
                19), "Packet.decodeCaptured of 19 bytes: fewer than an IPv4 header");
        assertEquals("header", header.field(), "the field named when fewer than 20 bytes were captured");
    }

    /** A UDP packet with a 4-byte IPv4 option (IHL 6). */
    static byte[] optionsHeader() {
        byte[] udp = TestPackets.udp(1, 2, new byte[8], TestPackets.LOOPBACK, TestPackets.LOOPBACK);
        byte[] packet = TestPackets.concat(Arrays.copyOf(TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                udp), 20), Hex.parse("94 04 00 00"), udp);
        packet[0] = 0x46;
        packet[3] = (byte) packet.length;
        return packet;
    }

    @Test
    @Points(2)
    @DisplayName("quoted(): an ICMP error shows the datagram it quotes, with its ports")
    void icmpErrorQuotes() throws IOException {
        PcapFile f = Fixtures.read(Fixtures.ANY_SLL2);
        PcapRecord r = f.records().get(10);
        Packet error = Packet.decode(f.linkType(), r.data()).orElseThrow();
        String what = Fixtures.ANY_SLL2 + " packet 11, an ICMP port unreachable (type 3, code 3) about a UDP datagram"
                + " from port 59637 to port 18085";
        assertEquals(3, error.icmp().type(), what + ": ICMP type");
        Packet quoted = error.quoted().orElseThrow(() -> new AssertionError(what + ": quoted() must give the datagram"
                + " that its payload quotes"));
        assertNotNull(quoted.udp(), what + ": the quoted datagram is UDP");
        assertEquals(59637, quoted.udp().sourcePort(), what + ": the quoted source port");
        assertEquals(18085, quoted.udp().destinationPort(), what + ": the quoted destination port");

        // a router quotes only the IPv4 header and 8 bytes (RFC 792): a UDP header, cut short
        byte[] original = TestPackets.ipv4(17, 1, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.udp(33434, 33435, new byte[32], TestPackets.LOOPBACK, TestPackets.LOOPBACK));
        byte[] timeExceeded = TestPackets.ipv4(1, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.icmp(11, 0, 0, 0, Arrays.copyOf(original, 28)));
        Packet te = Packet.decodeIp(timeExceeded, 0, timeExceeded.length);
        String w = "an ICMP time exceeded (type 11) quoting a traceroute probe's IPv4 header and first 8 bytes (UDP 33434"
                + " -> 33435, 40 bytes on the wire)";
        Packet q = te.quoted().orElseThrow(() -> new AssertionError(w + ": quoted() must give the quoted datagram"));
        assertTrue(q.truncated(), w + ": only 28 of its 60 bytes are quoted: the quoted packet is truncated");
        assertEquals(33435, q.udp().destinationPort(), w + ": the quoted destination port");
        assertEquals(0, q.udp().payload().length, w + ": none of the quoted datagram's payload is there");

        byte[] echo = TestPackets.ipv4(1, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.icmp(0, 0, 1, 1, Arrays.copyOf(original, 28)));
        assertEquals(Optional.empty(), Packet.decodeIp(echo, 0, echo.length).quoted(), "an echo reply (type 0) whose"
                + " payload happens to look like a packet quotes nothing: quoted() is for ICMP errors only");
        byte[] garbled = TestPackets.ipv4(1, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
                TestPackets.icmp(3, 1, 0, 0, new byte[] {0x45, 0, 0}));
        assertEquals(Optional.empty(), Packet.decodeIp(garbled, 0, garbled.length).quoted(), "an ICMP error whose quote"
                + " is only 3 bytes: quoted() must be empty, never an exception");
    }

    static Packet decodeOrFail(String what, byte[] data, int length) {
        return decodeOrFail(what, data, 0, length);
    }

    static Packet decodeOrFail(String what, byte[] data, int offset, int length) {
        try {
            return Packet.decodeCaptured(data, offset, length);
        } catch (MalformedPacketException e) {
            throw new AssertionError(what + ": expected it to decode as far as its bytes go, but it threw " + e
                    + ". A capture's snap length cuts packets short by design: the total length may be more than the"
                    + " bytes captured.", e);
        }
    }

    @Test
    @Points(1)
    @DisplayName("a frame that is only its link-layer header, of another protocol, gives no packet")
    void headerOnlyFrames() {
        byte[] ethernet = TestPackets.concat(new byte[12], Hex.parse("86 dd"));
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_ETHERNET, ethernet), "a 14-byte Ethernet frame of"
                + " type 86 dd (IPv6) and nothing after: the header is whole, so no exception; no IPv4, so empty");
        byte[] sll = TestPackets.concat(new byte[14], Hex.parse("86 dd"));
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_LINUX_SLL, sll), "a 16-byte Linux cooked v1 frame of"
                + " protocol 86 dd and nothing after");
        byte[] sll2 = TestPackets.concat(Hex.parse("86 dd"), new byte[18]);
        assertEquals(Optional.empty(), Packet.decode(PcapFile.LINKTYPE_LINUX_SLL2, sll2), "a 20-byte Linux cooked v2 frame"
                + " of protocol 86 dd and nothing after");
    }

    @Test
    @Points(1)
    @DisplayName("decodeCaptured at the edges: exactly the IPv4 header captured; a SYN's payload is empty")
    void decodeCapturedEdges() {
        byte[] syn = syn();
        Packet p = decodeOrFail("Packet.decodeCaptured of a 60-byte SYN cut to exactly its 20-byte IPv4 header", syn, 20);
        assertTrue(p.truncated(), "Packet.decodeCaptured of a SYN cut to 20 bytes: truncated() must be true");
        assertNull(p.tcp(), "Packet.decodeCaptured of a SYN cut to 20 bytes: none of the TCP header was captured");
        byte[] options = optionsHeader();
        Packet o = decodeOrFail("Packet.decodeCaptured of a packet with a 24-byte IPv4 header (IHL 6) cut to exactly 24"
                + " bytes", options, 24);
        assertEquals(24, o.ip().headerLength(), "Packet.decodeCaptured of a packet cut to its 24-byte header: headerLength()");
        assertNull(o.udp(), "Packet.decodeCaptured of a packet cut to its 24-byte header: no UDP header was captured");
        Packet cut = decodeOrFail("Packet.decodeCaptured of a 60-byte SYN cut to 50 bytes", syn, 50);
        assertEquals(0, cut.tcp().payload().length, "Packet.decodeCaptured of a 60-byte SYN (40 bytes of TCP header) cut to"
                + " 50 bytes: a SYN carries no payload, and none was captured: payload().length must be 0. Likely cause: the"
                + " payload's length computed from the captured bytes without taking off the whole TCP header (data offset x 4).");
        byte[] data = TestPackets.ipv4(6, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK, TestPackets.tcp(80, 50123, 1, 1,
                0x18, 512, new byte[0], "0123456789".getBytes(StandardCharsets.US_ASCII), TestPackets.LOOPBACK,
                TestPackets.LOOPBACK));
        Packet d = decodeOrFail("Packet.decodeCaptured of a TCP segment with 10 bytes of data, cut to 44 bytes", data, 44);
        assertEquals("30 31 32 33", Hex.of(d.tcp().payload()), "Packet.decodeCaptured of a TCP segment with 10 bytes of"
                + " data (\"0123456789\"), cut to 44 bytes (20 IPv4 + 20 TCP + 4): the payload is the 4 bytes captured");
    }

    @Test
    @DisplayName("warm-up: summary() writes one tcpdump-style line for each kind of packet")
    void summaries() {
        java.net.Inet4Address a = Addresses.ipv4("192.0.2.1");
        java.net.Inet4Address b = Addresses.ipv4("192.0.2.2");
        byte[] synAck = TestPackets.ipv4(6, 64, a, b, TestPackets.tcp(80, 50123, 7, 8, 0x12, 512, new byte[0], new byte[0], a, b));
        assertEquals("192.0.2.1.80 > 192.0.2.2.50123: Flags [S.], seq 7, ack 8, win 512, length 0",
                Packet.decodeIp(synAck, 0, synAck.length).summary(), "a SYN-ACK");
        byte[] finRstPsh = TestPackets.ipv4(6, 64, a, b, TestPackets.tcp(80, 50123, 7, 8, 0x1d, 512, new byte[0], new byte[] {1, 2},
                a, b));
        assertEquals("192.0.2.1.80 > 192.0.2.2.50123: Flags [FRP.], seq 7, ack 8, win 512, length 2",
                Packet.decodeIp(finRstPsh, 0, finRstPsh.length).summary(), "FIN, RST, PSH and ACK with 2 bytes");
        byte[] udp = TestPackets.ipv4(17, 64, a, b, TestPackets.udp(5353, 53, new byte[3], a, b));
        assertEquals("192.0.2.1.5353 > 192.0.2.2.53: UDP, length 3", Packet.decodeIp(udp, 0, udp.length).summary(), "UDP");
        assertEquals("192.0.2.1.5353 > 192.0.2.2.53: UDP, length 1 [truncated]",
                Packet.decodeCaptured(udp, 0, 29).summary(), "UDP cut short");
        for (int[] t : new int[][] {{8, 0}, {0, 0}, {13, 0}}) {
            byte[] icmp = TestPackets.ipv4(1, 64, a, b, TestPackets.icmp(t[0], t[1], 9, 10, new byte[4]));
            String kind = t[0] == 8 ? "echo request" : t[0] == 0 ? "echo reply" : "type 13";
            assertEquals("192.0.2.1 > 192.0.2.2: ICMP " + kind + ", id 9, seq 10, length 12",
                    Packet.decodeIp(icmp, 0, icmp.length).summary(), "ICMP type " + t[0]);
        }
        byte[] error = TestPackets.ipv4(1, 64, b, a, TestPackets.icmp(3, 3, 0, 0, java.util.Arrays.copyOf(udp, 28)));
        assertEquals("192.0.2.2 > 192.0.2.1: ICMP type 3 code 3 about [192.0.2.1.5353 > 192.0.2.2.53: UDP, length 0 [truncated]]",
                Packet.decodeIp(error, 0, error.length).summary(), "an ICMP port unreachable quoting a UDP header");
        byte[] gre = TestPackets.ipv4(47, 64, a, b, new byte[6]);
        assertEquals("192.0.2.1 > 192.0.2.2: ip-proto-47 6", Packet.decodeIp(gre, 0, gre.length).summary(), "protocol 47");
    }
}
