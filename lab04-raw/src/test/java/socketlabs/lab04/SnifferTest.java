package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Points;

@DisplayName("Task 6 · A sniffer")
class SnifferTest {
    static final byte[] UDP_PACKET = TestPackets.ipv4(17, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
            TestPackets.udp(40000, 9999, "sniff me".getBytes(StandardCharsets.US_ASCII), TestPackets.LOOPBACK, TestPackets.LOOPBACK));
    static final byte[] TCP_PACKET = TestPackets.ipv4(6, 64, TestPackets.LOOPBACK, TestPackets.LOOPBACK,
            TestPackets.tcp(40001, 8888, 1, 0, TcpSegment.SYN, 1024, new byte[0], new byte[0], TestPackets.LOOPBACK, TestPackets.LOOPBACK));

    @Test
    @Points(2)
    @DisplayName("decodes what arrives, keeps what the filter asks for, and skips what does not decode")
    void filtersAndSkips() throws IOException {
        ScriptedChannel channel = new ScriptedChannel().queued(Hex.parse("45 00 00 30 00 00"), TCP_PACKET, Hex.parse("4f 00 00 14"), UDP_PACKET);
        Sniffer sniffer = new Sniffer(channel);
        List<Packet> got = sniffer.capture(p -> p.udp() != null, 1, Duration.ofSeconds(1));
        assertEquals(1, got.size(), "four packets arrive: garbage, a TCP SYN, garbage, a UDP datagram; the filter keeps UDP: expected 1 packet");
        Packet p = got.get(0);
        assertEquals(List.of(40000, 9999), List.of(p.udp().sourcePort(), p.udp().destinationPort()), "the UDP datagram's ports");
        assertEquals("sniff me", new String(p.udp().payload(), StandardCharsets.US_ASCII), "the UDP payload");
        assertEquals(2, sniffer.skipped(), "the two packets that did not decode are counted in skipped(), not thrown");
    }

    @Test
    @Points(1)
    @DisplayName("stops at the count asked for, and returns what it has when time runs out")
    void countAndTimeout() throws IOException {
        ScriptedChannel channel = new ScriptedChannel().queued(UDP_PACKET, UDP_PACKET, UDP_PACKET);
        Sniffer sniffer = new Sniffer(channel);
        assertEquals(2, sniffer.capture(p -> true, 2, Duration.ofSeconds(1)).size(), "asked for 2 of 3 packets waiting");
        assertEquals(1, sniffer.capture(p -> true, 5, Duration.ofMillis(200)).size(),
                "asked for 5 with 1 left, then receive() times out (-1): expected the 1 packet, not an exception");
    }

    @Test
    @Points(2)
    @Timeout(15)
    @DisplayName("live: captures a UDP datagram that a DatagramSocket sends on loopback (root)")
    void liveUdp() throws IOException {
        LiveRaw.assumeAvailable();
        try (RawSocket raw = RawSocket.open(RawSocket.IPPROTO_UDP);
                DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            sender.setSoTimeout(2000);
            receiver.setSoTimeout(2000);
            byte[] message = "hello sniffer".getBytes(StandardCharsets.US_ASCII);
            sender.send(new DatagramPacket(message, message.length, receiver.getLocalSocketAddress()));
            receiver.receive(new DatagramPacket(new byte[64], 64)); // it has certainly crossed loopback now
            int port = receiver.getLocalPort();
            List<Packet> got = new Sniffer(raw).capture(p -> p.udp() != null && p.udp().destinationPort() == port, 1, Duration.ofSeconds(3));
            assertEquals(1, got.size(), "sent one datagram from 127.0.0.1:" + sender.getLocalPort() + " to 127.0.0.1:" + port
                    + " while a raw UDP socket was open; the sniffer found " + got.size() + " datagrams to that port");
            Packet p = got.get(0);
            assertEquals(List.of(TestPackets.LOOPBACK, TestPackets.LOOPBACK, 17), List.of(p.ip().source(), p.ip().destination(), p.ip().protocol()),
                    "the IPv4 header: source, destination, protocol");
            assertEquals(sender.getLocalPort(), p.udp().sourcePort(), "the source port is the sender's");
            assertEquals("hello sniffer", new String(p.udp().payload(), StandardCharsets.US_ASCII), "the payload");
            assertEquals(8 + message.length, p.udp().length(), "the UDP length field");
        }
    }

    @Test
    @Points(2)
    @Timeout(15)
    @DisplayName("live: captures a TCP handshake and the first data on loopback (root)")
    void liveTcp() throws IOException {
        LiveRaw.assumeAvailable();
        try (RawSocket raw = RawSocket.open(RawSocket.IPPROTO_TCP);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket()) {
            server.setSoTimeout(2000);
            client.setSoTimeout(2000);
            client.connect(server.getLocalSocketAddress(), 2000);
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout(2000);
                OutputStream out = client.getOutputStream();
                out.write("hello sniffer".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = accepted.getInputStream();
                byte[] buffer = new byte[13];
                int read = 0;
                while (read < buffer.length) {
                    int n = in.read(buffer, read, buffer.length - read);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
            }
            int port = server.getLocalPort();
            int clientPort = client.getLocalPort();
            List<Packet> got = new Sniffer(raw).capture(p -> p.tcp() != null
                    && (p.tcp().destinationPort() == port && p.tcp().sourcePort() == clientPort
                        || p.tcp().sourcePort() == port && p.tcp().destinationPort() == clientPort), 4, Duration.ofSeconds(3));
            assertEquals(4, got.size(), "a connection from port " + clientPort + " to " + port + " and 13 bytes sent: expected at least"
                    + " 4 segments (SYN, SYN-ACK, ACK, data), found " + got.size());
            TcpSegment syn = got.get(0).tcp();
            assertTrue(syn.has(TcpSegment.SYN) && !syn.has(TcpSegment.ACK) && syn.destinationPort() == port,
                    "the first segment: the client's SYN to the server, flags " + Hex.u16(syn.flags()));
            TcpSegment synAck = got.get(1).tcp();
            assertTrue(synAck.has(TcpSegment.SYN | TcpSegment.ACK) && synAck.sourcePort() == port,
                    "the second: the server's SYN-ACK, flags " + Hex.u16(synAck.flags()));
            assertEquals(syn.sequenceNumber() + 1 & 0xFFFF_FFFFL, synAck.acknowledgementNumber(), "the SYN-ACK acknowledges the SYN's sequence number + 1");
            Packet data = got.stream().filter(p -> p.tcp().payload().length > 0).findFirst().orElse(null);
            assertNotNull(data, "no segment among the four carried the 13 bytes sent");
            assertEquals("hello sniffer", new String(data.tcp().payload(), StandardCharsets.US_ASCII), "the data segment's payload");
        }
    }

    @Test
    @Points(1)
    @org.junit.jupiter.api.Timeout(5)
    @DisplayName("skips an empty packet, and gives up after the timeout while undecodable packets keep arriving")
    void emptyPacketsAndTotalTimeout() throws IOException {
        Sniffer sniffer = new Sniffer(new ScriptedChannel().queued(new byte[0], UDP_PACKET));
        List<Packet> got = sniffer.capture(p -> true, 1, Duration.ofSeconds(1));
        assertEquals(1, got.size(), "an empty packet (receive() returned 0 bytes), then a UDP datagram: the empty one does"
                + " not decode and is skipped; expected the datagram. Likely cause: 0 taken for the end (only -1 is a time-out).");
        assertEquals(1, sniffer.skipped(), "the empty packet is counted in skipped()");
        Sniffer flooded = new Sniffer(new ScriptedChannel().babbling(() -> Hex.parse("45 00 00 14")));
        long start = System.nanoTime();
        List<Packet> none = flooded.capture(p -> true, 1, Duration.ofMillis(200));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, none.size(), "only undecodable packets arrived: nothing to keep");
        assertTrue(ms < 2000, () -> "capture() with a 200 ms timeout, while undecodable packets kept arriving, returned"
                + " after " + ms + " ms: the timeout bounds the whole capture; compute what is left of it before each receive().");
    }
}
