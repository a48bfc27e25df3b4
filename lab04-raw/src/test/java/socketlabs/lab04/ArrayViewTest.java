package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import socketlabs.grading.Points;

/**
 * Every parser takes a view of an array, {@code (data, offset, length)}: what a socket or a capture
 * hands over is a header in the middle of a larger buffer. Each case puts a message between junk
 * bytes (0xa5) at a seeded offset and checks that the parser reads exactly {@code offset .. offset+length}.
 */
@DisplayName("Task 2 · Header codecs")
class ArrayViewTest {
    static final long SEED = 4_2026L;
    static final byte JUNK = (byte) 0xa5;

    /** What a parser made of a view, as text: every field, byte arrays in hex. */
    record Case(String name, byte[] message, Function<byte[], String> whole, View view) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface View {
        String parse(byte[] data, int offset, int length);
    }

    static String icmp(IcmpEcho m) {
        return "type " + m.type() + ", code " + m.code() + ", checksum " + Hex.u16(m.checksum()) + ", identifier "
                + m.identifier() + ", sequence " + m.sequence() + ", payload [" + Hex.of(m.payload()) + "]";
    }

    static String udp(UdpDatagram d) {
        return "ports " + d.sourcePort() + " > " + d.destinationPort() + ", length " + d.length() + ", checksum "
                + Hex.u16(d.checksum()) + ", payload [" + Hex.of(d.payload()) + "]";
    }

    static String tcp(TcpSegment s) {
        return "ports " + s.sourcePort() + " > " + s.destinationPort() + ", seq " + s.sequenceNumber() + ", ack "
                + s.acknowledgementNumber() + ", flags " + Hex.u16(s.flags()) + ", window " + s.window() + ", options ["
                + Hex.of(s.options()) + "], payload [" + Hex.of(s.payload()) + "]";
    }

    static String ip(Ipv4Header h) {
        return "total length " + h.totalLength() + ", id " + Hex.u16(h.identification()) + ", protocol " + h.protocol()
                + ", ttl " + h.ttl() + ", checksum " + Hex.u16(h.checksum()) + ", options [" + Hex.of(h.options()) + "]";
    }

    static String packet(Packet p) {
        return ip(p.ip()) + "; " + (p.udp() != null ? "udp " + udp(p.udp()) : p.tcp() != null ? "tcp " + tcp(p.tcp())
                : p.icmp() != null ? "icmp " + icmp(p.icmp()) : "no transport");
    }

    static Stream<Arguments> cases() {
        Random random = new Random(SEED);
        byte[] payload = new byte[300]; // longer than 255: a length that needs both its bytes
        random.nextBytes(payload);
        byte[] icmpMessage = TestPackets.icmp(0, 0, 0xbeef, 0x8001, payload);
        byte[] udpMessage = TestPackets.udp(50000, 33333, payload, TestPackets.LOOPBACK, TestPackets.LOOPBACK);
        byte[] tcpMessage = TestPackets.tcp(40000, 443, 0xfffffff0L, 0x80000000L, 0x18, 40000, Hex.parse("01 01 04 02"),
                payload, TestPackets.LOOPBACK, TestPackets.LOOPBACK);
        byte[] ipPacket = TestPackets.ipv4(17, 200, TestPackets.LOOPBACK, TestPackets.LOOPBACK, udpMessage);
        List<Case> all = List.of(
                new Case("IcmpEcho.parse", icmpMessage, b -> icmp(IcmpEcho.parse(b, 0, b.length)),
                        (d, o, n) -> icmp(IcmpEcho.parse(d, o, n))),
                new Case("UdpDatagram.parse", udpMessage, b -> udp(UdpDatagram.parse(b, 0, b.length)),
                        (d, o, n) -> udp(UdpDatagram.parse(d, o, n))),
                new Case("TcpSegment.parse", tcpMessage, b -> tcp(TcpSegment.parse(b, 0, b.length)),
                        (d, o, n) -> tcp(TcpSegment.parse(d, o, n))),
                new Case("Ipv4Header.parse", ipPacket, b -> ip(Ipv4Header.parse(b, 0, b.length)),
                        (d, o, n) -> ip(Ipv4Header.parse(d, o, n))),
                new Case("Packet.decodeIp", ipPacket, b -> packet(Packet.decodeIp(b, 0, b.length)),
                        (d, o, n) -> packet(Packet.decodeIp(d, o, n))),
                new Case("Checksum.of", payload, b -> Hex.u16(Checksum.of(b, 0, b.length)),
                        (d, o, n) -> Hex.u16(Checksum.of(d, o, n))),
                new Case("Checksum.withPseudoHeader", udpMessage, b -> Hex.u16(Checksum.withPseudoHeader(TestPackets.LOOPBACK,
                        TestPackets.LOOPBACK, 17, b, 0, b.length)), (d, o, n) -> Hex.u16(Checksum.withPseudoHeader(
                        TestPackets.LOOPBACK, TestPackets.LOOPBACK, 17, d, o, n))));
        List<Arguments> args = new ArrayList<>();
        for (Case c : all) {
            args.add(Arguments.of(c, 1 + random.nextInt(40), 1 + random.nextInt(40)));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, {1} junk bytes before, {2} after")
    @MethodSource("cases")
    @Points(2)
    @DisplayName("parsers read exactly data[offset .. offset+length) of a larger array, lengths over 255 included")
    void readsOnlyTheView(Case c, int before, int after) {
        byte[] data = new byte[before + c.message().length + after];
        java.util.Arrays.fill(data, JUNK);
        System.arraycopy(c.message(), 0, data, before, c.message().length);
        String alone = c.whole().apply(c.message().clone());
        String inView = c.view().parse(data, before, c.message().length);
        assertEquals(alone, inView, () -> c.name() + ": the same " + c.message().length + "-byte message parsed alone"
                + " (offset 0, the whole array) and as a view (offset " + before + ", length " + c.message().length
                + ", with " + before + " junk bytes a5 before it and " + after + " after it) must give the same result."
                + " Likely cause: an index without the offset (data[i] instead of data[offset + i]), or a payload or sum"
                + " that runs to the end of the array (data.length) instead of to offset + length.");
    }
}
