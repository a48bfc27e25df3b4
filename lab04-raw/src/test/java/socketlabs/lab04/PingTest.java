package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Points;

@DisplayName("Task 5 · Ping over a raw socket")
class PingTest {
    static final int ID = 0x4c34;
    /** The live tests' identifier: this JVM's process id, as the system's ping does, so that two test runs on one host stay apart. */
    static final int LIVE_ID = (int) (ProcessHandle.current().pid() & 0xFFFF);
    static final Inet4Address TARGET = Addresses.ipv4("127.0.0.1");
    static final Inet4Address STRANGER = Addresses.ipv4("127.0.0.9");

    /** What a raw ICMP socket receives: an IPv4 packet from {@code source} carrying the ICMP message. */
    static byte[] received(Inet4Address source, int ttl, byte[] icmp) {
        return TestPackets.ipv4(1, ttl, source, TARGET, icmp);
    }

    /** The kernel's echo reply to {@code request} (same identifier, sequence and payload), with the given TTL. */
    static byte[] replyTo(byte[] request, int ttl) {
        IcmpEcho r = parseRequest(request);
        return received(TARGET, ttl, TestPackets.icmp(0, 0, r.identifier(), r.sequence(), r.payload()));
    }

    private static IcmpEcho parseRequest(byte[] request) {
        int id = (request[4] & 0xFF) << 8 | request[5] & 0xFF;
        int seq = (request[6] & 0xFF) << 8 | request[7] & 0xFF;
        return new IcmpEcho(request[0] & 0xFF, request[1] & 0xFF, 0, id, seq, java.util.Arrays.copyOfRange(request, 8, request.length));
    }

    @Test
    @Points(2)
    @DisplayName("sends a well-formed echo request: type 8, identifier, sequence, 56-byte payload, checksum")
    void request() throws IOException {
        ScriptedChannel channel = new ScriptedChannel().answering(req -> List.of(replyTo(req, 64)));
        new Ping(channel, ID).echo(TARGET, 7, Duration.ofSeconds(1));
        assertEquals(1, channel.sent().size(), "one echo() sends one request");
        byte[] req = channel.sent().get(0);
        String what = "the request sent (" + Hex.of(req) + "): ";
        assertEquals(TARGET, channel.destinations().get(0), what + "sent to the target");
        assertEquals(64, req.length, what + "8 bytes of header + 56 of payload; the kernel adds the IPv4 header itself");
        assertEquals("08 00", Hex.of(req, 0, 2), what + "type 8 (echo request), code 0");
        assertEquals("4c 34 00 07", Hex.of(req, 4, 4), what + "identifier 0x4c34 and sequence 7, big-endian");
        assertEquals(0, TestPackets.checksum(req, 0, req.length), what + "the checksum must make the message check to 0");
        for (int i = 0; i < 56; i++) {
            assertEquals((byte) i, req[8 + i], what + "payload byte " + i + " is " + i);
        }
    }

    @Test
    @Points(2)
    @DisplayName("skips its own request, which loopback hands back first")
    void skipsOwnRequest() throws IOException {
        // on loopback a raw ICMP socket receives our own request before the kernel's reply
        ScriptedChannel channel = new ScriptedChannel().answering(req -> List.of(received(TARGET, 64, req), replyTo(req, 63)));
        Optional<PingReply> r = new Ping(channel, ID).echo(TARGET, 1, Duration.ofSeconds(1));
        assertTrue(r.isPresent(), "the reply came second, after our own request: expected a reply");
        assertEquals(63, r.get().ttl(), "took the packet with TTL 64, our own echo REQUEST (type 8), for the reply; the reply"
                + " (type 0) had TTL 63. Keep only type 0.");
        assertEquals(64, r.get().bytes(), "bytes: the ICMP message's length, 8 + 56");
        assertEquals(1, r.get().sequence(), "the reply's sequence number");
        assertEquals(TARGET, r.get().from(), "the reply's source");
    }

    @Test
    @Points(2)
    @DisplayName("skips other processes' ICMP, stale replies, forged sources and bad checksums")
    void skipsStrangers() throws IOException {
        ScriptedChannel channel = new ScriptedChannel().answering(req -> {
            IcmpEcho r = parseRequest(req);
            byte[] corrupt = replyTo(req, 20);
            corrupt[corrupt.length - 1] ^= 0x01; // one payload bit flipped after the checksum was computed
            return List.of(
                    received(TARGET, 10, TestPackets.icmp(0, 0, r.identifier() ^ 1, r.sequence(), r.payload())), // another ping process
                    received(TARGET, 11, TestPackets.icmp(0, 0, r.identifier(), r.sequence() - 1, r.payload())), // a late reply to seq 4
                    received(STRANGER, 12, TestPackets.icmp(0, 0, r.identifier(), r.sequence(), r.payload())), // from another address
                    received(TARGET, 13, TestPackets.icmp(3, 3, r.identifier(), r.sequence(), r.payload())),   // port unreachable
                    corrupt,
                    Hex.parse("45 00 00 1c 00 00"),                                                             // truncated garbage
                    TestPackets.ipv4(17, 14, TARGET, TARGET, TestPackets.udp(1, 2, new byte[4], TARGET, TARGET)), // not ICMP
                    replyTo(req, 42));
        });
        Optional<PingReply> r = new Ping(channel, ID).echo(TARGET, 5, Duration.ofSeconds(1));
        assertTrue(r.isPresent(), "the reply came last, after seven packets that are not it: expected a reply");
        assertEquals(42, r.get().ttl(), () -> "took a packet with TTL " + r.get().ttl() + " for the reply: 10 = another identifier,"
                + " 11 = another sequence number, 12 = from another address, 13 = not an echo reply, 20 = bad checksum."
                + " The real reply had TTL 42.");
    }

    @Test
    @Points(1)
    @DisplayName("returns empty when no reply comes")
    void noReply() throws IOException {
        ScriptedChannel channel = new ScriptedChannel().answering(req -> List.of(received(TARGET, 64, req)));
        Optional<PingReply> r = new Ping(channel, ID).echo(TARGET, 1, Duration.ofMillis(300));
        assertEquals(Optional.empty(), r, "only our own request came back, then nothing (receive() returned -1): expected empty");
    }

    @Test
    @Points(1)
    @Timeout(5)
    @DisplayName("gives up after the timeout even while strangers' packets keep arriving")
    void timeoutIsTotal() throws IOException {
        byte[] noise = received(TARGET, 64, TestPackets.icmp(0, 0, ID ^ 0xFF, 1, new byte[8]));
        ScriptedChannel channel = new ScriptedChannel().babbling(() -> noise);
        long start = System.nanoTime();
        Optional<PingReply> r = new Ping(channel, ID).echo(TARGET, 1, Duration.ofMillis(200));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), r, "only other processes' replies arrived: expected empty");
        assertTrue(ms < 2000, () -> "echo() with a 200 ms timeout returned after " + ms + " ms: the timeout bounds the whole wait,"
                + " not each receive(); compute what is left of it before each receive.");
    }

    @Test
    @Points(2)
    @Timeout(15)
    @DisplayName("live: pings 127.0.0.1 three times and gets three replies (root)")
    void live() throws IOException {
        LiveRaw.assumeAvailable();
        try (RawSocket socket = RawSocket.open(RawSocket.IPPROTO_ICMP)) {
            Ping ping = new Ping(socket, LIVE_ID);
            for (int seq = 1; seq <= 3; seq++) {
                int s = seq;
                PingReply r = ping.echo(TARGET, seq, Duration.ofSeconds(2)).orElseThrow(
                        () -> new AssertionError("no reply to echo request " + s + " to 127.0.0.1 within 2 s (the kernel always answers on"
                                + " loopback unless net.ipv4.icmp_echo_ignore_all is set): is the request well-formed, its checksum right?"));
                assertEquals(List.of(TARGET, 64, seq, 64), List.of(r.from(), r.bytes(), r.sequence(), r.ttl()),
                        "(from, bytes, sequence, ttl) of reply " + seq + ": " + r.line());
                assertTrue(r.rtt().compareTo(Duration.ofSeconds(2)) < 0 && !r.rtt().isNegative(), "a round trip between 0 and 2 s: " + r.rtt());
            }
        }
    }

    @Test
    @Points(1)
    @Timeout(15)
    @DisplayName("live: ignores other ping processes on the same host (root)")
    void liveWithNoise() throws IOException {
        LiveRaw.assumeAvailable();
        try (RawSocket socket = RawSocket.open(RawSocket.IPPROTO_ICMP); IcmpNoise noise = new IcmpNoise()) {
            Ping ping = new Ping(socket, LIVE_ID);
            for (int seq = 10; seq < 13; seq++) {
                noise.burst(LIVE_ID, seq);
                int s = seq;
                PingReply r = ping.echo(TARGET, seq, Duration.ofSeconds(2)).orElseThrow(
                        () -> new AssertionError("no reply to echo request " + s + " while another process's replies were arriving"));
                assertEquals(64, r.bytes(), () -> "took a " + r.bytes() + "-byte reply: the noise replies carry " + IcmpNoise.NOISE_PAYLOAD
                        + " bytes of payload and other identifiers (or our identifier with a sequence number not sent). Match the"
                        + " identifier AND the sequence number.");
            }
        }
    }

    @Test
    @DisplayName("warm-up: the provided main resolves host names as the system's ping does")
    void resolvesNames() throws IOException {
        assertEquals("127.0.0.1", Ping.resolve("localhost").getHostAddress(), "Ping.resolve(\"localhost\")");
        assertEquals("192.0.2.7", Ping.resolve("192.0.2.7").getHostAddress(), "Ping.resolve(\"192.0.2.7\"): a dotted"
                + " address is its own answer");
        org.junit.jupiter.api.Assertions.assertThrows(java.net.UnknownHostException.class, () -> Ping.resolve("::1"),
                "Ping.resolve(\"::1\"): an IPv6 address has no IPv4 address to ping");
    }

    @Test
    @DisplayName("warm-up: PingReply.line() writes what ping prints, with ping's decimals")
    void replyLines() {
        Inet4Address from = Addresses.ipv4("127.0.0.1");
        assertEquals("64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms",
                new PingReply(from, 64, 1, 64, Duration.ofNanos(45_000)).line(), "PingReply.line() of 45 microseconds");
        String[][] cases = {{"999000", "0.999"}, {"1000000", "1.00"}, {"9990000", "9.99"}, {"10000000", "10.0"},
            {"99900000", "99.9"}, {"100000000", "100"}};
        for (String[] c : cases) {
            assertEquals(c[1], PingReply.millis(Duration.ofNanos(Long.parseLong(c[0]))), "PingReply.millis(" + c[0]
                    + " ns): three decimals under 1 ms, two under 10, one under 100, none from 100 on");
        }
    }

    @Test
    @Points(1)
    @DisplayName("skips an empty packet that arrives before the reply")
    void skipsEmptyPacket() throws IOException {
        ScriptedChannel channel = new ScriptedChannel().answering(req -> List.of(new byte[0], replyTo(req, 64)));
        Optional<PingReply> r = new Ping(channel, ID).echo(TARGET, 3, Duration.ofSeconds(1));
        assertTrue(r.isPresent(), "an empty packet (receive() returned 0 bytes) and then the reply arrived: expected the"
                + " reply. Likely cause: 0 taken for a time-out; only -1 means that nothing came.");
    }
}
