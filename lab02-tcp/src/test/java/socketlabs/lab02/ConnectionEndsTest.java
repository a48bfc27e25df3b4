package socketlabs.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;
import socketlabs.grading.Trace;

@DisplayName("Task 4 · Ends of a connection")
@ExtendWith({Trace.class, TestThreads.class})
class ConnectionEndsTest {
    /** The timeout given to exchange() where the peer stays silent: each such test waits this long. */
    static final Duration SHORT = Duration.ofMillis(500);
    /** The timeout where the peer does answer: generous, since exchange() returns as soon as the peer is done. */
    static final Duration LONG = Duration.ofSeconds(3);
    /** How much longer than its timeout exchange() may take in all. */
    static final Duration SLACK = Duration.ofMillis(3_500);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Exchange exchange(InetSocketAddress server, byte[] request, Duration timeout, String done) {
        Duration bound = timeout.plus(SLACK);
        Exchange e = assertTimeoutPreemptively(bound, () -> OneShotClient.exchange(server, request, timeout),
                done + "; exchange(..., timeout " + timeout.toMillis() + " ms) did not return within " + bound.toMillis()
                        + " ms. Likely cause: no read timeout (setSoTimeout) or no connect timeout (connect(address, millis)).");
        assertNotNull(e, done + "; exchange returned null: return an Exchange for every outcome");
        return e;
    }

    /**
     * As {@link #exchange(InetSocketAddress, byte[], Duration, String)} with a test server, whose side of the
     * connection (what the client sent, and whether it half-closed; what the server answered) goes with the test's
     * result: the report page draws it if the test fails.
     */
    static Exchange exchange(MisbehavingServer server, byte[] request, Duration timeout, String done) {
        try {
            return exchange(server.address(), request, timeout, done);
        } finally {
            server.wire().attach(done, request);
        }
    }

    /** The likely cause when a server that waits for the end of the request was not answered. */
    static String hint(Exchange e) {
        return e.outcome() == Outcome.TIMED_OUT ? "This server answers only after the end of the request. Likely cause:"
                + " no shutdownOutput() after writing, so the server waits for more and the client times out."
                : "Likely cause: the end of the stream (-1) or an exception mapped to the wrong outcome.";
    }

    @ParameterizedTest(name = "reply written {0}")
    @EnumSource(Delivery.class)
    @Points(3)
    @DisplayName("half-closes after the request and reads the whole reply: COMPLETE")
    void halfCloseThenReadReply(Delivery delivery) throws IOException {
        try (MisbehavingServer server = MisbehavingServer.replyingAfterEndOfRequest(
                request -> new String(request, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                delivery)) {
            String done = "sent \"shout this\" to a server that replies (in upper case, " + delivery + ") only after the"
                    + " end of the request, then closes";
            Exchange e = exchange(server, bytes("shout this"), LONG, done);
            assertEquals(Outcome.COMPLETE, e.outcome(), () -> done + "; expected COMPLETE with \"SHOUT THIS\", got " + e
                    + ". " + hint(e));
            assertEquals("SHOUT THIS", e.replyText(), () -> done + "; the reply is wrong. Likely cause: the reply taken"
                    + " from one read() instead of reading until -1.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a peer that never replies gives TIMED_OUT, within the timeout")
    void silentPeerTimesOut() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.neverReplying()) {
            String done = "sent \"hello?\" to a server that reads it and never replies (the connection stays open)";
            long started = System.nanoTime();
            Exchange e = exchange(server, bytes("hello?"), SHORT, done);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(Outcome.TIMED_OUT, e.outcome(), () -> done + "; expected TIMED_OUT, got " + e
                    + ". Likely cause: SocketTimeoutException not caught and reported as TIMED_OUT.");
            assertTrue(millis >= SHORT.toMillis() * 9 / 10, () -> done + "; exchange(..., timeout " + SHORT.toMillis()
                    + " ms) gave up after " + millis + " ms, before the time-out had passed. Likely cause: the read"
                    + " time-out set in the wrong unit, or available() == 0 taken as the end of the reply.");
            assertEquals(0, e.reply().length, done + "; nothing was sent back, so the reply must be empty");
        }
    }

    @Test
    @Points(1)
    @DisplayName("a peer that goes silent mid-reply gives TIMED_OUT with the part that arrived")
    void silentMidReplyKeepsPart() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.silentAfter(bytes("first half, "))) {
            String done = "sent \"go\" to a server that replies \"first half, \" and then goes silent, connection open";
            Exchange e = exchange(server, bytes("go"), SHORT, done);
            assertEquals(Outcome.TIMED_OUT, e.outcome(), () -> done + "; expected TIMED_OUT, got " + e);
            assertEquals("first half, ", e.replyText(), () -> done + "; the reply must hold the bytes that arrived before"
                    + " the time-out, but it holds " + e.reply().length + " bytes. Likely cause: " + (e.reply().length == 0
                    ? "this server sends its half reply only after the end of the request: no shutdownOutput() after"
                    + " writing, so it still waits; or the bytes read so far dropped when the exception was caught."
                    : "the bytes read so far dropped or changed when the exception was caught."));
        }
    }

    @Test
    @Points(2)
    @DisplayName("a port where nothing listens gives REFUSED, not an exception")
    void nothingListeningIsRefused() throws IOException {
        // a socket bound but not listening holds the port: connections to it are refused, no other program can
        // listen there meanwhile, and the client's own ephemeral port cannot be this one (no self-connection)
        try (Socket holder = new Socket()) {
            holder.setSoTimeout(1_000);
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = holder.getLocalPort();
            InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            String done = "exchange with 127.0.0.1:" + port + ", where nothing listens";
            Exchange e = exchange(nowhere, bytes("anyone?"), LONG, done);
            assertEquals(Outcome.REFUSED, e.outcome(), () -> done + "; expected REFUSED, got " + e + ". Likely cause:"
                    + " ConnectException (\"Connection refused\") not caught around connect().");
            assertEquals(0, e.reply().length, done + "; no connection, so the reply must be empty");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a peer that resets the connection gives RESET")
    void resetIsReported() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.resettingAfterRequest()) {
            String done = "sent \"please\" to a server that reads the whole request, then resets the connection"
                    + " (close with SO_LINGER 0, which sends an RST)";
            Exchange e = exchange(server, bytes("please"), LONG, done);
            assertEquals(Outcome.RESET, e.outcome(), () -> done + "; expected RESET, got " + e + ". "
                    + (e.outcome() == Outcome.TIMED_OUT ? hint(e) : "Likely cause: the SocketException (\"Connection"
                    + " reset\") reported as something else, or caught as the end of the reply."));
        }
    }

    @Test
    @Points(1)
    @DisplayName("an empty reply followed by an orderly close is COMPLETE, not an error")
    void emptyReplyIsComplete() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.replyingAfterEndOfRequest(request -> new byte[0], Delivery.WHOLE)) {
            String done = "sent \"quiet\" to a server that reads it all and closes without a word";
            Exchange e = exchange(server, bytes("quiet"), LONG, done);
            assertEquals(Outcome.COMPLETE, e.outcome(), () -> done + "; expected COMPLETE with an empty reply, got " + e
                    + ". " + hint(e));
            assertEquals(0, e.reply().length, done);
        }
    }

    @Test
    @Points(1)
    @DisplayName("a peer that sends part of a reply and then resets gives RESET with that part")
    void resetKeepsPart() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.replyingThenResetting(bytes("partial reply"))) {
            String done = "sent \"tell me\" to a server that, after the end of the request, sends \"partial reply\" and"
                    + " resets the connection (SO_LINGER 0)";
            Exchange e = exchange(server, bytes("tell me"), LONG, done);
            assertEquals(Outcome.RESET, e.outcome(), () -> done + "; expected RESET, got " + e + ". "
                    + (e.outcome() == Outcome.TIMED_OUT ? hint(e) : "Likely cause: the SocketException (\"Connection"
                    + " reset\") reported as something else."));
            assertEquals("partial reply", e.replyText(), () -> done + "; the reply must hold the " + 13 + " bytes that"
                    + " arrived before the reset, but it holds " + e.reply().length + " bytes ["
                    + Hex.of(e.reply()) + "]. Likely cause: the bytes read so far dropped when the exception was caught.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("the time-out is for each read: a reply that comes slowly, piece by piece, is COMPLETE")
    void timeoutIsPerRead() throws IOException {
        byte[] reply = bytes("slow but steady");
        try (MisbehavingServer server = MisbehavingServer.drippingReply(reply, 5)) {
            Duration timeout = Duration.ofMillis(MisbehavingServer.DRIP_MILLIS * 4);
            String done = "sent \"go\" to a server that replies \"slow but steady\" in 5 pieces, "
                    + MisbehavingServer.DRIP_MILLIS + " ms apart (about " + 5 * MisbehavingServer.DRIP_MILLIS
                    + " ms in all), then closes; the time-out was " + timeout.toMillis() + " ms";
            Exchange e = exchange(server, bytes("go"), timeout, done);
            assertEquals(Outcome.COMPLETE, e.outcome(), () -> done + "; expected COMPLETE, got " + e + ". "
                    + (e.outcome() == Outcome.TIMED_OUT ? "No piece came later than the time-out after the one before:"
                    + " the time-out is for each read (setSoTimeout), not a deadline for the whole exchange." : hint(e)));
            assertEquals("slow but steady", e.replyText(), done);
        }
    }

    @Test
    @Points(1)
    @DisplayName("a server that never answers the connection attempt gives TIMED_OUT, within the timeout")
    void connectTimesOut() throws IOException {
        try (FullBacklogServer server = new FullBacklogServer()) {
            String done = "exchange with a server whose queue of waiting connections is full, so that the kernel drops"
                    + " the client's SYN and connect() gets no answer (timeout " + SHORT.toMillis() + " ms)";
            long started = System.nanoTime();
            Exchange e = exchange(server.address(), bytes("knock knock"), SHORT, done);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(Outcome.TIMED_OUT, e.outcome(), () -> done + "; expected TIMED_OUT, got " + e + ". Likely"
                    + " cause: the SocketTimeoutException of connect() not caught, or taken for a refusal.");
            assertEquals(0, e.reply().length, done + "; no connection, so the reply must be empty");
            assertTrue(millis >= SHORT.toMillis() * 9 / 10, () -> done + "; exchange gave up after " + millis
                    + " ms, before the time-out had passed");
        }
    }
}
