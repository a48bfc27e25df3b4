package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Points;

@DisplayName("Task 1 · Datagram echo")
class EchoTest {
    /** How long a reply may take: loopback answers in well under a millisecond, but a busy grader stalls threads. */
    private static final int WAIT_MS = 2_000;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static RunningServer echoServer() throws Exception {
        return RunningServer.start("EchoServer.serve", EchoServer::serve);
    }

    // ---- the server ----

    @Test
    @Points(2)
    @DisplayName("server: answers a datagram with the same bytes, to its sender")
    void echoesOneDatagram() throws Exception {
        try (RunningServer server = echoServer(); DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, ascii("hello"), server.address());
            byte[] reply = server.reply(client, WAIT_MS);
            assertArrayEquals(ascii("hello"), reply, () -> "sent the datagram \"hello\" (68 65 6c 6c 6f) to the echo server;"
                    + " expected the same 5 bytes back, got " + Loopback.hex(reply) + server.problem()
                    + ". Reply to packet.getSocketAddress() with packet.getLength() bytes.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("server: two datagrams sent back to back get two replies, never merged")
    void keepsDatagramBoundaries() throws Exception {
        try (RunningServer server = echoServer(); DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, ascii("first"), server.address());
            Loopback.send(client, ascii("second"), server.address());
            byte[] one = server.reply(client, WAIT_MS);
            byte[] two = server.reply(client, WAIT_MS);
            assertTrue(Arrays.equals(ascii("first"), one) && Arrays.equals(ascii("second"), two),
                    () -> "sent two datagrams, \"first\" then \"second\", without waiting; expected two replies, \"first\" and"
                            + " \"second\", got " + Loopback.hex(one) + " and " + Loopback.hex(two) + server.problem()
                            + ". Unlike TCP's byte stream, UDP keeps each datagram whole and apart: answer each one on its own,"
                            + " with exactly its bytes.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("server: answers an empty datagram with an empty datagram")
    void echoesEmptyDatagram() throws Exception {
        try (RunningServer server = echoServer(); DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, new byte[0], server.address());
            byte[] reply = server.reply(client, WAIT_MS);
            assertNotNull(reply, () -> "sent an empty datagram (0 bytes); expected an empty datagram back, got nothing in "
                    + WAIT_MS + " ms" + server.problem() + ". A 0-byte datagram is legal in UDP (it is not end-of-stream as"
                    + " in TCP): do not skip it.");
            assertEquals(0, reply.length, () -> "sent an empty datagram; expected 0 bytes back, got " + Loopback.hex(reply));
        }
    }

    @Test
    @Points(2)
    @DisplayName("server: echoes a 60,000-byte datagram whole")
    void echoesLargeDatagram() throws Exception {
        byte[] big = Loopback.seededBytes(60_000, 3);
        try (RunningServer server = echoServer(); DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, big, server.address());
            byte[] reply = server.reply(client, WAIT_MS);
            assertArrayEquals(big, reply, () -> "sent one 60,000-byte datagram; expected it back whole: "
                    + Loopback.mismatch(big, reply) + server.problem() + ". Assuming the whole datagram fit the buffer:"
                    + " receive() cuts a datagram to the buffer's size without a word. Use Udp.MAX_DATAGRAM bytes.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("server: echoes a long datagram whole after a short one")
    void resetsPacketLength() throws Exception {
        byte[] longer = ascii("a longer datagram after a short one");
        try (RunningServer server = echoServer(); DatagramSocket client = Loopback.socket()) {
            Loopback.send(client, ascii("hi"), server.address());
            byte[] first = server.reply(client, WAIT_MS);
            assertArrayEquals(ascii("hi"), first, () -> "sent \"hi\"; expected \"hi\" back, got " + Loopback.hex(first) + server.problem());
            Loopback.send(client, longer, server.address());
            byte[] reply = server.reply(client, WAIT_MS);
            assertArrayEquals(longer, reply, () -> "sent \"hi\", then a " + longer.length + "-byte datagram; expected the second back"
                    + " whole: " + Loopback.mismatch(longer, reply) + ". Reusing one buffer without resetting its length:"
                    + " receive() keeps at most the packet's length, and a packet cut down to the 2 bytes of \"hi\" (by"
                    + " setLength, or by setData to send the reply with it) stays cut. Make a new DatagramPacket for each"
                    + " receive, or call setLength(buffer.length) before it.");
        }
    }

    // ---- the client ----

    @Test
    @Points(2)
    @DisplayName("client: returns the server's reply")
    void clientGetsReply() throws Exception {
        try (EchoPeer server = EchoPeer.start(); DatagramSocket socket = Loopback.socket()) {
            EchoReply reply = EchoClient.exchange(socket, server.address(), ascii("ping"), 100, Duration.ofSeconds(2));
            assertEquals(EchoReply.Outcome.REPLIED, reply.outcome(), () -> "exchanged \"ping\" with an echo server; expected"
                    + " REPLIED, got " + reply);
            assertArrayEquals(ascii("ping"), reply.data(), () -> "exchanged \"ping\" with an echo server; expected the data \"ping\","
                    + " got " + Loopback.hex(reply.data()) + ". Return only the packet's getLength() bytes, not the whole buffer.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("client: an empty message gets an empty reply, not a timeout")
    void clientEmptyMessage() throws Exception {
        try (EchoPeer server = EchoPeer.start(); DatagramSocket socket = Loopback.socket()) {
            EchoReply reply = EchoClient.exchange(socket, server.address(), new byte[0], 100, Duration.ofSeconds(2));
            assertEquals(EchoReply.Outcome.REPLIED, reply.outcome(), () -> "exchanged an empty datagram with an echo server;"
                    + " expected REPLIED with 0 bytes, got " + reply + ". An empty datagram is a reply like any other.");
            assertEquals(0, reply.data().length, () -> "expected 0 bytes of data, got " + Loopback.hex(reply.data()));
        }
    }

    @Test
    @Points(3)
    @DisplayName("client: detects and reports a reply longer than the buffer (truncated)")
    void clientDetectsTruncation() throws Exception {
        byte[] hundred = Loopback.seededBytes(100, 5);
        try (FixedReplyPeer server = FixedReplyPeer.start(hundred); DatagramSocket socket = Loopback.socket()) {
            EchoReply reply = EchoClient.exchange(socket, server.address(), ascii("x"), 10, Duration.ofSeconds(2));
            assertEquals(EchoReply.Outcome.TRUNCATED, reply.outcome(), () -> "the server answered with 100 bytes and maxReply was"
                    + " 10; expected TRUNCATED, got " + reply + ". Assuming the whole datagram fit the buffer: receive() cuts"
                    + " silently. Receive into maxReply + 1 bytes: if they all fill up, the reply was longer than maxReply.");
            assertArrayEquals(Arrays.copyOf(hundred, 10), reply.data(), () -> "a truncated reply's data is its first maxReply"
                    + " (10) bytes: expected " + Loopback.hex(Arrays.copyOf(hundred, 10)) + ", got " + Loopback.hex(reply.data()));
        }
    }

    @Test
    @Points(1)
    @DisplayName("client: a reply of exactly maxReply bytes is whole, not truncated")
    void clientExactFit() throws Exception {
        byte[] ten = Loopback.seededBytes(10, 6);
        try (FixedReplyPeer server = FixedReplyPeer.start(ten); DatagramSocket socket = Loopback.socket()) {
            EchoReply reply = EchoClient.exchange(socket, server.address(), ascii("x"), 10, Duration.ofSeconds(2));
            assertEquals(EchoReply.Outcome.REPLIED, reply.outcome(), () -> "the server answered with exactly 10 bytes and"
                    + " maxReply was 10; expected REPLIED, got " + reply + ". Off by one: 10 bytes fit in 10; only an 11th"
                    + " byte means the reply was cut.");
            assertArrayEquals(ten, reply.data(), () -> "expected the 10 bytes " + Loopback.hex(ten) + ", got " + Loopback.hex(reply.data()));
        }
    }

    @Test
    @Points(3)
    @DisplayName("client: a server that never replies gives TIMED_OUT after the timeout, not a hang")
    void clientTimesOut() throws Exception {
        try (SilentPeer server = new SilentPeer(); DatagramSocket socket = Loopback.socket()) {
            socket.setSoTimeout(5_000); // longer than the test waits: the client must set its own timeout
            long start = System.nanoTime();
            Async<EchoReply> exchange = Async.start("EchoClient.exchange",
                    () -> EchoClient.exchange(socket, server.address(), ascii("anyone?"), 100, Duration.ofMillis(200)));
            boolean ended = exchange.await(Duration.ofSeconds(3));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ended, "sent a datagram to a server that never replies, timeout 200 ms; after 3 s EchoClient.exchange was"
                    + " still waiting. Waiting forever for a reply: a lost datagram never comes. Call"
                    + " socket.setSoTimeout(...) and turn SocketTimeoutException into EchoReply.timedOut().");
            assertTrue(exchange.returned(), () -> "expected EchoReply.timedOut() from a server that never replies; " + exchange.describe()
                    + ". No reply is a result, not an error: catch SocketTimeoutException.");
            assertEquals(EchoReply.Outcome.TIMED_OUT, exchange.value().outcome(), () -> "expected TIMED_OUT, got " + exchange.value());
            assertTrue(ms >= 180, () -> "returned TIMED_OUT after " + ms + " ms; the timeout was 200 ms: wait the whole timeout.");
        }
    }
}
