package socketlabs.lab02;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;
import socketlabs.grading.Trace;

@DisplayName("Task 1 · Echo server and client")
@ExtendWith({Trace.class, TestThreads.class})
class EchoTest {
    static final String STREAM_HINT = "TCP is a byte stream: one read() returns whatever has arrived so far, which is"
            + " not one message. Keep reading until you have all the bytes you expect.";
    static final long SEED = 1L;
    static final String WAITS_HINT = "Likely cause: the server waits for a line end or a full buffer before it"
            + " echoes; write back what each read() returns, at once, and flush.";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every byte value 0-255, then 255-0: a text-only (String, char, readLine) echo mangles some of them. */
    static byte[] allByteValues() {
        byte[] b = new byte[512];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
            b[511 - i] = (byte) i;
        }
        return b;
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void assertSameBytes(byte[] expected, byte[] actual, String done, String likelyCause) {
        String difference = Hex.difference(expected, actual);
        if (difference != null) {
            String text = difference.contains("ef bf bd") ? " (ef bf bd is U+FFFD, the replacement character, in"
                    + " UTF-8: bytes that were not valid text went through a String, a Reader or a Writer; copy"
                    + " bytes, never characters.)" : "";
            fail(done + "; the bytes that came back are not the bytes sent: " + difference + ". " + likelyCause + text);
        }
    }

    /** As {@link #assertSameBytes(byte[], byte[], String, String)}; when they differ, the client's exchange goes with the failure. */
    static void assertSameBytes(MisbehavingClient client, byte[] expected, byte[] actual, String done, String likelyCause) {
        if (Hex.difference(expected, actual) != null) {
            client.expecting(expected).attachExchange(done);
        }
        assertSameBytes(expected, actual, done, likelyCause);
    }

    /**
     * As {@link #assertSameBytes(byte[], byte[], String, String)}, for a client under test: when they differ, the test
     * server's exchange (what the client sent, how the server answered) goes with the failure, and what the client
     * returned beside what it should have.
     */
    static void assertSameBytes(MisbehavingServer server, byte[] expected, byte[] actual, String done, String likelyCause) {
        if (Hex.difference(expected, actual) != null) {
            Trace.attach(socketlabs.grading.Wire.withFrames(server.wire().trace(done, expected), List.of(expected), List.of(actual)));
        }
        assertSameBytes(expected, actual, done, likelyCause);
    }

    // ---- the server ----

    @Test
    @Points(2)
    @DisplayName("the server echoes a short message back")
    void echoesShortMessage() throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                byte[] hello = bytes("hello\n");
                client.expecting(hello).send(hello, Delivery.WHOLE);
                String done = "connected to port() and sent \"hello\\n\" [" + Hex.of(hello) + "] in one write";
                byte[] echo = client.readExactly(hello.length, done,
                        "Likely cause: the server does not write back what it reads, or does not flush.");
                assertSameBytes(client, hello, echo, done, "");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("the server echoes all 256 byte values unchanged")
    void echoesEveryByteValue() throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                byte[] all = allByteValues();
                client.expecting(all).send(all, Delivery.WHOLE);
                String done = "sent the 512 bytes 00 01 02 ... ff ff fe ... 00 in one write";
                byte[] echo = client.readExactly(all.length, done, "Likely cause: bytes were turned into text somewhere.");
                assertSameBytes(client, all, echo, done, "Likely cause: the bytes went through a String, a char or a"
                        + " Reader/Writer, which change bytes that are not valid text; copy byte[] to byte[].");
            }
        }
    }

    @ParameterizedTest(name = "sent {0}")
    @EnumSource(Delivery.class)
    @Points(3)
    @DisplayName("the server echoes a message however the client splits its writes")
    void echoesSplitWrites(Delivery delivery) throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                byte[] message = bytes("the quick brown fox jumps over the lazy dog\n");
                client.expecting(message).sendInBackground(message, delivery, false);
                String done = "MisbehavingClient sent a " + message.length + "-byte message " + delivery;
                byte[] echo = client.readExactly(message.length, done, "Likely cause: the server waits for a full"
                        + " buffer (readNBytes, readFully) or for a line end before it echoes. Echo what each read()"
                        + " returns, right away, and flush.");
                assertSameBytes(client, message, echo, done, STREAM_HINT);
            }
        }
    }

    @Test
    @Points(3)
    @Timeout(120) // generous: an echo that copies one byte per read() is correct but slow (45 s on 2 cores)
    @DisplayName("the server echoes 10 MB intact and in order")
    void echoesTenMegabytes() throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                byte[] data = randomBytes(10 * 1024 * 1024, SEED);
                client.expecting(data).sendInBackground(data, Delivery.WHOLE, false);
                String done = "sent 10 MB of seeded random bytes while reading the echo";
                byte[] echo = client.readExactly(data.length, done, "Likely cause: the echo loop stops early, or"
                        + " drops the bytes of some reads.");
                assertSameBytes(client, data, echo, done, "Likely cause: write(buffer) sends the whole buffer; send only the"
                        + " n bytes that read() returned: write(buffer, 0, n).");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("the server closes the connection after the client half-closes")
    void closesAfterHalfClose() throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                byte[] bye = bytes("bye\n");
                client.expecting(bye).send(bye, Delivery.WHOLE).halfClose();
                String done = "MisbehavingClient sent \"bye\\n\" and half-closed (shutdownOutput)";
                byte[] echo = client.readToEnd(done, "Likely cause: when read() returns -1 the client has finished:"
                        + " the server must stop its loop and close the socket (try-with-resources does it).");
                assertSameBytes(client, bye, echo, done, "Likely cause: write(buffer) sends the whole buffer; send only the n"
                        + " bytes that read() returned.");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("the server goes on to the next client after one closes early and one resets")
    void survivesBadClients() throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient early = MisbehavingClient.connect(server.port())) {
                early.send(bytes("half a mess"), Delivery.WHOLE);
                early.readExactly(11, "the first client sent \"half a mess\"", WAITS_HINT);
            } // close early: in the middle of a message
            try (MisbehavingClient resetting = MisbehavingClient.connect(server.port())) {
                resetting.send(randomBytes(100_000, SEED), Delivery.WHOLE);
                resetting.resetConnection(); // RST, with echo bytes still unread: the server's write or read fails
            }
            try (MisbehavingClient next = MisbehavingClient.connect(server.port())) {
                byte[] message = bytes("still there?\n");
                next.expecting(message).send(message, Delivery.WHOLE);
                String done = "a client closed in the middle of a message, a second one reset its connection"
                        + " (SO_LINGER 0), then a third client sent \"still there?\\n\"";
                byte[] echo = next.readExactly(message.length, done, "Likely cause: the accept loop ended on the"
                        + " first client's IOException. Catch the exception of one connection, close that connection,"
                        + " and accept the next.");
                assertSameBytes(next, message, echo, done, "");
            }
        }
    }

    @Test
    @Points(1)
    @Timeout(20) // a close() that waits for the connection in vain, then the client's read timeout
    @DisplayName("close() stops the server: the connection being served ends, and its port refuses connections")
    @SuppressWarnings("try") // close() is what is tested: called inside the try, while the client is still connected
    void closeStopsListening() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int port;
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            port = server.port();
            try (MisbehavingClient client = MisbehavingClient.connect(port)) {
                client.send(bytes("x"), Delivery.WHOLE);
                client.readExactly(1, "sent \"x\"", WAITS_HINT);
                assertTimeoutPreemptively(Duration.ofSeconds(8), server::close, "a client sent \"x\", got its echo and"
                        + " stayed connected, silent; then EchoServer.close() was called and did not return within 8 s."
                        + " Likely cause: close() waits (join) for the accept thread, which is blocked in read() on the"
                        + " client's socket: close that socket (keep it in a field) before waiting, and wait at most 5 s.");
                assertServerThreadsEnded("EchoServer", before, "a client sent \"x\", got its echo and stayed connected;"
                        + " then close() was called");
                String end = client.awaitEnd();
                assertTrue(end.equals("closed") || end.equals("reset"), () -> "a client sent \"x\", got its echo and"
                        + " stayed connected; then close() was called. Expected the connection to end (end of stream or"
                        + " reset), but it was " + (end.equals("open") ? "still open " + MisbehavingClient.READ_TIMEOUT_MILLIS
                        + " ms later" : end) + ". Likely cause: close() closes only the listening socket; close the"
                        + " connection being served too (keep it in a field), so its blocked read() ends.");
            }
        }
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() ->
                assertThrows(ConnectException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.setSoTimeout(1_000);
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                    }
                }, "after close(), connecting to port " + port + " still worked: close() must close the ServerSocket."));
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("close() returns only when the accept thread has ended")
    void closeWaitsForTheAcceptThread() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (EchoServer server = new EchoServer(0)) {
            ThreadGroup group = startInGroup(Server.of(server::start, server::port, server::close));
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                client.send(bytes("x"), Delivery.WHOLE);
                client.readExactly(1, "sent \"x\"", WAITS_HINT); // the accept thread serves it now, blocked in read()
                assertCloseWaits("EchoServer", server, before, group, "a client sent \"x\", got its echo and stayed connected",
                        "Likely cause: close() closes the sockets and returns; call acceptThread.join(5_000) after them.");
            }
        }
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("close() called from an interrupted thread stops the server and keeps the interrupt")
    void closeKeepsTheInterrupt() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            int port = server.port();
            try (MisbehavingClient client = MisbehavingClient.connect(port)) {
                client.send(bytes("x"), Delivery.WHOLE);
                client.readExactly(1, "sent \"x\"", WAITS_HINT); // the accept thread serves it now, blocked in read()
                String done = "a client sent \"x\", got its echo and stayed connected";
                assertCloseKeepsInterrupt("EchoServer", server, before, done);
                String end = client.awaitEnd();
                assertTrue(end.equals("closed") || end.equals("reset"), () -> done + "; then close() was called from an"
                        + " interrupted thread. Expected the connection to end all the same, but it was " + end + ". Likely"
                        + " cause: close() returns when it sees the interrupt, before closing the sockets; close them first.");
            }
        }
    }

    // ---- the client ----

    @ParameterizedTest(name = "echo written {0}")
    @EnumSource(Delivery.class)
    @Points(3)
    @DisplayName("the client reads the whole echo however the server splits it")
    void clientReadsWholeEcho(Delivery delivery) throws IOException {
        try (MisbehavingServer server = MisbehavingServer.echoing(delivery)) {
            byte[] message = bytes("pack my box with five dozen liquor jugs\n");
            byte[] echo = EchoClient.echo(server.address(), message);
            assertSameBytes(server, message, echo, "EchoClient.echo sent a " + message.length + "-byte message to a server"
                    + " that echoes " + delivery, STREAM_HINT + " (InputStream.readNBytes does the loop.)");
        }
    }

    @Test
    @Points(3)
    @Timeout(90)
    @DisplayName("the client sends 10 MB and gets it back intact, without deadlock")
    void clientTenMegabytes() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.echoing(Delivery.WHOLE)) {
            byte[] data = randomBytes(10 * 1024 * 1024, SEED + 1);
            byte[] echo = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> EchoClient.echo(server.address(), data),
                    "EchoClient.echo(10 MB) did not return within 60 s against an echo server with 64 KiB socket buffers."
                            + " Likely cause: deadlock. The client writes everything before reading; the echo fills the"
                            + " buffers, the server blocks in write() and stops reading, then the client blocks in write()."
                            + " Send a chunk, read its echo, then send the next chunk.");
            assertSameBytes(server, data, echo, "EchoClient.echo sent 10 MB of seeded random bytes", "Likely cause: bytes lost"
                    + " or reordered between chunks.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("the client throws EOFException when the server closes before the whole echo")
    void clientSeesEarlyClose() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.closingAfter(1000)) {
            byte[] message = randomBytes(5000, SEED + 2);
            String done = "the server echoed 1000 of the 5000 bytes sent, then closed the connection";
            EOFException e = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(EOFException.class,
                    () -> EchoClient.echo(server.address(), message),
                    done + "; expected EchoClient.echo to throw EOFException. Likely cause: read() returned -1 and the"
                            + " client returned a short or padded array instead."),
                    done + "; EchoClient.echo never returned. Likely cause: read() returned -1 (end of stream) and the"
                            + " loop went on reading: -1 means the server will send nothing more.");
            assertEquals(EOFException.class, e.getClass(), done);
        }
    }

    // ---- rules every server of this lab keeps (used by tasks 1, 3 and 5) ----

    /** What a server of this lab offers, for the checks every one of them must pass. */
    interface Server extends java.io.Closeable {
        void start() throws IOException;

        int port();

        /** One of the lab's servers seen as a Server (EchoServer, ConcurrentEchoServer and FileServer share no type). */
        static Server of(IoAction start, java.util.function.IntSupplier port, IoAction close) {
            return new Server() {
                public void start() throws IOException {
                    start.run();
                }

                public int port() {
                    return port.getAsInt();
                }

                public void close() throws IOException {
                    close.run();
                }
            };
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    /** Before start(), port() throws; start() twice throws; close() before start() and close() twice do nothing. */
    static void assertLifecycle(String name, java.util.function.Supplier<Server> make) throws IOException {
        Server fresh = make.get();
        assertThrows(IllegalStateException.class, fresh::port, name + ": port() before start() must throw"
                + " IllegalStateException (there is no port yet)");
        fresh.close(); // never started: does nothing
        try (Server server = make.get()) {
            server.start();
            assertThrows(IllegalStateException.class, server::start, name + ": start() called a second time must throw"
                    + " IllegalStateException. Likely cause: a second ServerSocket bound, or the call ignored.");
            assertTrue(server.port() > 0, name + ": port() after start() must be the real port, not " + server.port());
            server.close();
            assertTimeoutPreemptively(Duration.ofSeconds(2), server::close, name + ": close() called a second time must"
                    + " return at once and do nothing");
        }
    }

    /** Fails unless the threads started since {@code before} include one, and none is a daemon. */
    static void assertNoDaemonThreads(String name, Set<Thread> before) {
        List<String> daemons = new ArrayList<>();
        boolean any = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && !notTheServers(t)) {
                any = true;
                if (t.isDaemon()) {
                    daemons.add(t.getName());
                }
            }
        }
        assertTrue(any, name + ".start() returned, and no thread of the server is running: start() must start the"
                + " accept thread");
        assertTrue(daemons.isEmpty(), name + ".start() started the daemon threads " + daemons + ". The JVM ends when"
                + " only daemon threads are left: `java socketlabs.lab02." + name + "` would start the server and end at"
                + " once. Likely cause: setDaemon(true), or a thread started from a daemon thread (it inherits the"
                + " flag); call setDaemon(false).");
    }

    /**
     * Fails if a thread started since {@code before} is still alive: checked at once, with no
     * waiting, because close() itself must wait until the server's threads have ended.
     */
    static void assertServerThreadsEnded(String name, Set<Thread> before, String done) {
        List<String> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && !notTheServers(t)) {
                alive.add(t.getName());
            }
        }
        assertTrue(alive.isEmpty(), done + "; when " + name + ".close() returned, these threads of the server were still"
                + " running: " + alive + ". close() waits until they have ended: close their sockets, then join() them"
                + " (with a deadline).");
    }

    /**
     * True if {@code t} is not one of the server's threads: the JVM's or the test tools' own (by
     * name), JUnit's workers, or a thread of another test running beside this one (TestThreads).
     */
    static boolean notTheServers(Thread t) {
        return ManyClientsTest.NOT_THE_SERVERS.stream().anyMatch(t.getName()::startsWith) || t.getName().startsWith("HttpClient")
                || TestThreads.ofAnotherTest(t) || TestThreads.ofTheTestEngine(t);
    }

    /** The threads started since {@code before}, less the JVM's and the test tools' own: the server's. */
    static List<Thread> threadsSince(Set<Thread> before) {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !notTheServers(t)) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** Waits, at most {@code millis} in all, for each of {@code threads} to end. */
    static void joinAll(List<Thread> threads, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Calls {@code server.close()} from this thread and fails unless every thread the server had
     * started (since {@code before}) has ended when it returns. Looked at at once, with no waiting:
     * a thread whose socket was just closed still needs a moment to end, and close() must wait
     * (join) for it. A thread of an executor's pool is let off if it has left the lab's code: its
     * pool's awaitTermination() returns while it finishes in the JDK's code.
     */
    static void assertCloseWaits(String name, java.io.Closeable server, Set<Thread> before, String done,
            String likelyCause) throws IOException {
        assertCloseWaits(name, server, before, null, done, likelyCause);
    }

    /**
     * As {@link #assertCloseWaits(String, java.io.Closeable, Set, String, String)}, for a server started
     * with {@link #startInGroup}: while close() runs, its threads cannot finish ending (ExitHold) until
     * close() waits for something, so a close() that returns without waiting is caught every time, not
     * only when it wins the race against its threads' last steps.
     */
    static void assertCloseWaits(String name, java.io.Closeable server, Set<Thread> before, ThreadGroup group,
            String done, String likelyCause) throws IOException {
        List<Thread> plain = new ArrayList<>();
        List<Thread> pooled = new ArrayList<>();
        for (java.util.Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (!before.contains(t) && !notTheServers(t)) {
                boolean pool = java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("java.util.concurrent."));
                (pool ? pooled : plain).add(t);
            }
        }
        assertTrue(!plain.isEmpty() || !pooled.isEmpty(), done + "; before close(), no thread of " + name
                + " was running: start() must start the server's threads");
        try (ExitHold hold = group == null ? null : new ExitHold(group)) {
            if (hold != null) {
                hold.closing(Thread.currentThread());
            }
            server.close();
            checkEnded(name, plain, pooled, done, likelyCause); // while the hold lasts: a thread not waited for is still there
        }
    }

    private static void checkEnded(String name, List<Thread> plain, List<Thread> pooled, String done, String likelyCause) {
        List<Thread> alive = new ArrayList<>(); // no waiting here: close() has returned, so they must have ended
        for (Thread t : plain) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        List<Thread> alivePooled = new ArrayList<>();
        for (Thread t : pooled) {
            if (t.isAlive()) {
                alivePooled.add(t);
            }
        }
        List<String> left = new ArrayList<>();
        for (Thread t : alive) {
            String frame = serverFrame(t);
            left.add(t.getName() + (frame == null ? " (ending)" : " (in " + frame + ")"));
        }
        for (Thread t : alivePooled) {
            String frame = serverFrame(t);
            if (frame != null) {
                left.add(t.getName() + " (in " + frame + ")");
            }
        }
        assertTrue(left.isEmpty(), done + "; then " + name + ".close() was called. When it returned, these threads of"
                + " the server were still running: " + left + " (their sockets were closed, so they were about to end,"
                + " but close() did not wait for them). close() returns only when the server's threads have ended:"
                + " after closing the sockets, join() each thread, with one deadline for all. " + likelyCause);
    }

    /** The first frame of {@code t}'s stack in the lab's own code, as Class.method, or null if it has none. */
    static String serverFrame(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(EchoTest.class.getPackageName() + ".")) {
                return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName();
            }
        }
        return null;
    }

    /**
     * Sets this thread's interrupt flag and calls {@code server.close()}: close() must stop waiting,
     * close everything all the same, and return with the flag still set, never swallowing the
     * InterruptedException. Then waits (bounded) for the server's threads to end, as close() did not.
     */
    static void assertCloseKeepsInterrupt(String name, java.io.Closeable server, Set<Thread> before, String done)
            throws IOException {
        List<Thread> threads = threadsSince(before);
        Throwable thrown = null;
        boolean kept;
        Thread.currentThread().interrupt();
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            thrown = e;
        } finally {
            kept = Thread.interrupted(); // and clears it, so that the rest of the test runs as usual
        }
        joinAll(threads, 6_000); // close() did not wait for them: let them end before the next test (they are checked elsewhere)
        String then = done + "; then " + name + ".close() was called from a thread whose interrupt flag was set (as"
                + " when the program is being stopped)";
        if (thrown != null) {
            throw new AssertionError(then + ", and close() threw " + thrown + ". Expected it to close the sockets, stop"
                    + " waiting and return, with the flag still set. Likely cause: the InterruptedException of join()"
                    + " turned into an exception; catch it and call Thread.currentThread().interrupt().", thrown);
        }
        assertTrue(kept, then + "; when close() returned, the flag was cleared. Expected it still set, so that the"
                + " caller learns it was interrupted. Likely cause: an empty catch (InterruptedException e) around"
                + " join(): join() clears the flag when it throws; call Thread.currentThread().interrupt() in the catch.");
    }

    /**
     * Starts {@code server} from a thread of a new thread group, and returns the group: the threads
     * the server starts join it (a new thread joins its starter's group, and so do a pool's threads).
     */
    static ThreadGroup startInGroup(Server server) {
        ThreadGroup group = new ThreadGroup("server-under-test");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(group, () -> {
            try {
                server.start();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "junit-group-starter");
        runStarter(starter, failure, "start()");
        return group;
    }

    /**
     * Keeps the threads of a group from finishing their end while the server's close() runs, except
     * while close() waits for something (join, awaitTermination, a lock): then it lets them go, and
     * holds them again when close() goes on, so a close() that waits for the accept thread alone
     * is caught too. A thread that
     * ends takes its group's monitor on its way out (Thread.exit, ThreadGroup.threadTerminated in Java
     * 17), and this holds that monitor. So a close() that closes the sockets and returns without
     * waiting finds its threads still alive, every time; a close() that waits is let through at once.
     * Only the server's group is held: the tests running beside this one are not slowed. (From Java
     * 19 on, a thread's end no longer takes its group's monitor: the hold does nothing, and the check
     * is the race it was without it, which a close() that does not wait loses only sometimes.)
     */
    static final class ExitHold implements AutoCloseable {
        private static final long MAX_HOLD_NANOS = 5_000_000_000L;
        private final Thread holder;
        private volatile boolean released;
        private volatile Thread closer;

        ExitHold(ThreadGroup group) {
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            holder = new Thread(() -> {
                long end = System.nanoTime() + MAX_HOLD_NANOS;
                while (!released && System.nanoTime() < end) {
                    synchronized (group) { // held while close() runs: a thread it does not wait for cannot end
                        held.countDown();
                        while (!released && !waits(closer) && System.nanoTime() < end) {
                            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                        }
                    }
                    while (!released && waits(closer) && System.nanoTime() < end) { // close() waits: its threads may end
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }
                }
            }, "junit-exit-hold");
            holder.setDaemon(true);
            holder.start();
            try {
                held.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Called by the thread that calls close(), just before: from now on, its waiting lets the threads go. */
        void closing(Thread thread) {
            closer = thread;
        }

        /** True if {@code closer} waits for something other than a socket's own steps: close() waits. */
        private static boolean waits(Thread closer) {
            if (closer == null) {
                return false;
            }
            Thread.State state = closer.getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING && state != Thread.State.BLOCKED) {
                return false;
            }
            for (StackTraceElement frame : closer.getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("java.net.") || c.startsWith("sun.nio.") || c.startsWith("java.nio.")) {
                    return false; // closing a socket may wait for a moment on the socket's own locks
                }
            }
            return true;
        }

        @Override
        public void close() {
            released = true;
            try {
                holder.join(MAX_HOLD_NANOS / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts {@code server} from a daemon thread of the test's, so that a thread that inherits the flag shows it. */
    static void startFromDaemon(Server server) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                server.start();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "junit-daemon-starter");
        starter.setDaemon(true);
        runStarter(starter, failure, "start() called from a daemon thread");
    }

    /** Starts {@code starter}, waits for it (at most 5 s), and fails with what it caught, as {@code what} threw it. */
    private static void runStarter(Thread starter, AtomicReference<Throwable> failure, String what) {
        starter.start();
        try {
            starter.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new AssertionError(what + " threw " + failure.get(), failure.get());
        }
    }

    @Test
    @Points(1)
    @DisplayName("port() before start() and a second start() throw IllegalStateException; close() twice does nothing")
    void serverLifecycle() throws IOException {
        assertLifecycle("EchoServer", () -> {
            EchoServer s = new EchoServer(0);
            return Server.of(s::start, s::port, s::close);
        });
    }

    @Test
    @Points(1)
    @DisplayName("the accept thread is not a daemon thread, so main keeps serving")
    void acceptThreadIsNotDaemon() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (EchoServer server = new EchoServer(0)) {
            startFromDaemon(Server.of(server::start, server::port, server::close));
            assertNoDaemonThreads("EchoServer", before);
        }
    }

    /** A stream that hands out its bytes in pieces, and checks that what came before was flushed. */
    static final class PieceByPiece extends java.io.InputStream {
        final byte[] data;
        final int piece;
        final java.io.ByteArrayOutputStream flushed = new java.io.ByteArrayOutputStream();
        final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        int position;
        String unflushed;

        PieceByPiece(byte[] data, int piece) {
            this.data = data;
            this.piece = piece;
        }

        final java.io.OutputStream out = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
            }

            @Override
            public void flush() {
                flushed.writeBytes(pending.toByteArray());
                pending.reset();
            }
        };

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (unflushed == null && flushed.size() < position) {
                unflushed = "when echo() read again after " + position + " bytes, only " + flushed.size()
                        + " had been flushed";
            }
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }

    @Test
    @Points(1)
    @DisplayName("echo() copies every byte, flushes each read's bytes before the next read, and returns the count")
    void echoCopiesFlushesAndCounts() throws IOException {
        java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
        long three = EchoServer.echo(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), small);
        assertEquals(3, three, "echo(a stream of 01 02 03, out) must return 3, the number of bytes copied");
        assertEquals("01 02 03", Hex.of(small.toByteArray()), "echo(a stream of 01 02 03, out)");
        byte[] data = randomBytes(100_003, SEED + 3);
        PieceByPiece in = new PieceByPiece(data, 1000);
        long count = EchoServer.echo(in, in.out);
        String done = "echo() read 100,003 bytes from a stream that gives at most 1000 bytes per read()";
        assertTrue(in.unflushed == null, () -> done + "; " + in.unflushed + ". Flush after each write, so the peer"
                + " gets its echo while it is still sending.");
        assertSameBytes(data, in.flushed.toByteArray(), done, "Likely cause: bytes of some reads dropped or written twice,"
                + " or the last ones never flushed.");
        assertEquals(100_003L, count, done + ": it must return how many bytes it copied");
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("the client gives up with an exception when the server never echoes (read time-out)")
    void clientTimesOutOnSilentServer() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.silent()) {
            String done = "EchoClient.echo sent \"anyone?\" to a server that reads and never answers, connection open";
            long started = System.nanoTime();
            IOException e = assertTimeoutPreemptively(Duration.ofMillis(EchoClient.TIMEOUT_MILLIS + 4_000),
                    () -> assertThrows(IOException.class, () -> EchoClient.echo(server.address(), bytes("anyone?")),
                            done + "; expected an IOException (SocketTimeoutException) once a read had waited"
                                    + " TIMEOUT_MILLIS"),
                    done + "; EchoClient.echo did not return within " + (EchoClient.TIMEOUT_MILLIS + 4_000) + " ms."
                            + " Likely cause: no read time-out: socket.setSoTimeout(TIMEOUT_MILLIS).");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis >= EchoClient.TIMEOUT_MILLIS * 9 / 10, () -> done + "; it threw " + e + " after only "
                    + millis + " ms: the read time-out is TIMEOUT_MILLIS (" + EchoClient.TIMEOUT_MILLIS + " ms)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("the client's EOFException says how many of how many bytes came back, across chunks")
    void clientEarlyCloseCounts() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.closingAfter(70_000)) {
            byte[] message = randomBytes(100_000, SEED + 4);
            String done = "the server echoed 70000 of the 100000 bytes sent (CHUNK is " + EchoClient.CHUNK
                    + "), then closed the connection";
            EOFException e = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(EOFException.class,
                    () -> EchoClient.echo(server.address(), message), done + "; expected EOFException"),
                    done + "; EchoClient.echo never returned. Likely cause: a loop that goes on reading after -1.");
            String text = String.valueOf(e.getMessage());
            assertTrue(text.contains("70000") && text.contains("100000"), () -> done + "; the EOFException's message"
                    + " must say how many of how many bytes arrived, e.g. \"the server closed the connection after 70000"
                    + " of 100000 bytes\", but it was: " + text + ". Likely cause: the count of one chunk only, not of"
                    + " the chunks before it.");
        }
    }
}
