package socketlabs.lab02;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;
import socketlabs.grading.Trace;

@DisplayName("Task 3 · Many clients")
@ExtendWith({Trace.class, TestThreads.class})
class ManyClientsTest {
    static final int CLIENTS = 200;
    static final String ECHO_HINT = "Likely cause: connections after the first wait, because the accept thread"
            + " serves each one itself; give each connection a thread of its own.";
    /** Threads of the JVM and of the test tools that may start during a test; none belongs to the server. */
    static final List<String> NOT_THE_SERVERS = List.of("Common-Cleaner", "Attach Listener", "Signal Dispatcher",
            "Notification Thread", "process reaper", "junit-", "surefire", "awaitility", "misbehaving-");

    /**
     * Empty if task 1's {@link EchoServer#echo} copies a stream; otherwise a note that this task
     * echoes with it, and that task 1 comes first.
     */
    static String echoNote() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String got;
        try {
            EchoServer.echo(new java.io.ByteArrayInputStream(bytes("abc")), out);
            got = "[" + Hex.of(out.toByteArray()) + "]";
            if (got.equals("[61 62 63]")) {
                return "";
            }
        } catch (IOException | RuntimeException e) {
            got = e.toString();
        }
        return " Note: each connection is echoed with EchoServer.echo of task 1, and it is not right yet: echo() of the"
                + " bytes 61 62 63 gave " + got + ". Make EchoTest pass first.";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void closeAll(List<MisbehavingClient> clients) {
        for (MisbehavingClient c : clients) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing test clients: nothing to report
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("a client that connects and sends nothing does not hold up another client")
    void silentClientDoesNotBlockOthers() throws IOException {
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            server.start();
            try (MisbehavingClient silent = MisbehavingClient.connect(server.port());
                 MisbehavingClient talker = MisbehavingClient.connect(server.port())) {
                byte[] hello = bytes("anyone home?\n");
                talker.expecting(hello).send(hello, Delivery.WHOLE);
                byte[] echo = talker.readExactly(hello.length, "a first client connected and sent nothing; a second"
                        + " client connected and sent \"anyone home?\\n\"", "Likely cause: the server serves one"
                        + " connection at a time in its accept thread, so it is still waiting on the silent client."
                        + " Give each accepted connection a thread of its own." + echoNote());
                if (!java.util.Arrays.equals(hello, echo)) {
                    talker.attachExchange("the second client's exchange");
                }
                assertEquals(new String(hello, StandardCharsets.UTF_8), new String(echo, StandardCharsets.UTF_8),
                        "the second client sent \"anyone home?\\n\" and got back another text: each connection's thread"
                        + " must echo its own socket's bytes");
                assertTrue(silent.socket().isConnected());
            }
        }
    }

    @Test
    @Points(3)
    @Timeout(30)
    @DisplayName("200 clients connected at the same time are all served")
    void servesTwoHundredClients() throws IOException {
        List<MisbehavingClient> clients = new ArrayList<>();
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            server.start();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(MisbehavingClient.connect(server.port())); // all connected before any sends
            }
            for (int i = 0; i < CLIENTS; i++) {
                clients.get(i).expecting(bytes("client " + i + "\n")).send(bytes("client " + i + "\n"), Delivery.WHOLE);
            }
            for (int i = CLIENTS - 1; i >= 0; i--) { // the last to connect is asked first
                byte[] expected = bytes("client " + i + "\n");
                byte[] echo = clients.get(i).readExactly(expected.length, CLIENTS + " clients connected, each sent"
                        + " \"client N\\n\"; client " + i + " (answers read from the last client to the first)",
                        "Likely cause: the connections are served one after another, or by a pool with too few"
                        + " threads, so client " + i + " waits for the others to close." + echoNote());
                if (!java.util.Arrays.equals(expected, echo)) {
                    clients.get(i).attachExchange("client " + i + "'s exchange");
                }
                assertEquals("client " + i + "\n", new String(echo, StandardCharsets.UTF_8), "client " + i + " got"
                        + " another client's echo: each connection's thread must use its own socket");
            }
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Points(2)
    @DisplayName("close() closes the listening socket: new connections are refused")
    void closeRefusesNewConnections() throws IOException {
        int port;
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            server.start();
            port = server.port();
        }
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.setSoTimeout(1_000);
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            }
        }, "after close(), connecting to port " + port + " still worked: close() must close the ServerSocket.");
    }

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("close() closes every open connection")
    void closeEndsEveryConnection() throws IOException {
        List<MisbehavingClient> clients = new ArrayList<>();
        try {
            try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
                server.start();
                for (int i = 0; i < 5; i++) {
                    MisbehavingClient c = MisbehavingClient.connect(server.port());
                    c.send(bytes("ping\n"), Delivery.WHOLE);
                    c.readExactly(5, "client " + i + " sent \"ping\\n\"", ECHO_HINT);
                    clients.add(c);
                }
                int open = server.openConnections();
                assertEquals(5, open, "5 clients connected and were echoed: openConnections() should be 5");
            }
            for (int i = 0; i < clients.size(); i++) {
                String end = clients.get(i).awaitEnd();
                int n = i;
                assertTrue(end.equals("closed") || end.equals("reset"), () -> "5 clients were connected, then"
                        + " close() was called; client " + n + " expected its connection to end, but it stayed "
                        + end + ". Likely cause: close() closes only the listening socket; keep every accepted"
                        + " socket in a set and close them all.");
            }
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("close() leaves no thread of the server running")
    void closeLeavesNoThread() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<MisbehavingClient> clients = new ArrayList<>();
        try {
            try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
                server.start();
                for (int i = 0; i < 3; i++) {
                    MisbehavingClient c = MisbehavingClient.connect(server.port());
                    c.send(bytes("hi\n"), Delivery.WHOLE);
                    c.readExactly(3, "client " + i + " sent \"hi\\n\"", ECHO_HINT);
                    clients.add(c); // still connected when close() is called
                }
            }
            await().atMost(Duration.ofSeconds(6)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        List<String> left = Thread.getAllStackTraces().keySet().stream()
                                .filter(t -> t.isAlive() && !before.contains(t) && !EchoTest.notTheServers(t))
                                .map(Thread::getName)
                                .sorted()
                                .collect(Collectors.toList());
                        assertTrue(left.isEmpty(), "3 clients were still connected when close() returned; expected"
                                + " every thread the server started to end, but these are still running: " + left
                                + ". Likely cause: threads blocked in read() on sockets nobody closed, or an"
                                + " ExecutorService never shut down; close() must close every socket, then join() (or"
                                + " awaitTermination) the threads.");
                    });
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Points(1)
    @DisplayName("openConnections() counts connections as they open and close")
    void countsOpenConnections() throws IOException {
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            server.start();
            try (MisbehavingClient a = MisbehavingClient.connect(server.port());
                 MisbehavingClient b = MisbehavingClient.connect(server.port())) {
                await().atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> assertEquals(2,
                        server.openConnections(), "2 clients connected: openConnections()"));
                a.halfClose();
                a.readToEnd("a client half-closed", "the server must close a connection when its client has finished");
                await().atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> assertEquals(1,
                        server.openConnections(), "of 2 clients, one half-closed and its connection ended:"
                                + " openConnections() should count 1. Likely cause: sockets not removed from the set"
                                + " when their connection ends (do it in a finally block)."));
                b.send(bytes("b"), Delivery.WHOLE);
                b.readExactly(1, "of 2 clients, one half-closed and was closed; the other then sent \"b\"",
                        "Likely cause: the server stopped serving the other connections when one ended.");
            }
        }
    }

    static EchoTest.Server wrap(ConcurrentEchoServer s) {
        return EchoTest.Server.of(s::start, s::port, s::close);
    }

    @Test
    @Points(1)
    @DisplayName("port() before start() and a second start() throw IllegalStateException; close() twice does nothing")
    void serverLifecycle() throws IOException {
        EchoTest.assertLifecycle("ConcurrentEchoServer", () -> wrap(new ConcurrentEchoServer(0)));
    }

    @Test
    @Points(1)
    @DisplayName("no thread of the server is a daemon thread, so main keeps serving")
    void threadsAreNotDaemons() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            EchoTest.startFromDaemon(wrap(server));
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                client.send(bytes("hi\n"), Delivery.WHOLE);
                client.readExactly(3, "a client sent \"hi\\n\"", ECHO_HINT); // its connection's thread is running now
                EchoTest.assertNoDaemonThreads("ConcurrentEchoServer", before);
            }
        }
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("close() returns within STOP_WAIT_MILLIS, and openConnections() is 0 after it")
    @SuppressWarnings("try") // close() is what is tested: called while the clients are still connected
    void closeIsBoundedAndCountsZero() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<MisbehavingClient> clients = new ArrayList<>();
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            server.start();
            for (int i = 0; i < 3; i++) {
                MisbehavingClient c = MisbehavingClient.connect(server.port());
                c.send(bytes("x"), Delivery.WHOLE);
                c.readExactly(1, "client " + i + " sent \"x\"", ECHO_HINT);
                clients.add(c); // connected and silent when close() is called
            }
            long bound = ConcurrentEchoServer.STOP_WAIT_MILLIS + 3_000;
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMillis(bound), server::close,
                    "3 clients were connected and silent; ConcurrentEchoServer.close() did not return within " + bound
                            + " ms. Likely cause: close() joins the connections' threads before closing their sockets,"
                            + " so each thread stays blocked in read(); close every socket first, then join with a"
                            + " deadline of STOP_WAIT_MILLIS in all.");
            EchoTest.assertServerThreadsEnded("ConcurrentEchoServer", before, "3 clients were connected and silent;"
                    + " then close() was called");
            await().atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> assertEquals(0,
                    server.openConnections(), "3 clients were connected, then close() closed every connection:"
                            + " openConnections() should be 0. Likely cause: sockets not removed from the set when their"
                            + " connection ends (do it in a finally block)."));
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Points(1)
    @Timeout(30)
    @DisplayName("close() returns only when every thread of the server has ended, with 30 clients connected")
    void closeWaitsForEveryThread() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<MisbehavingClient> clients = new ArrayList<>();
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            ThreadGroup group = EchoTest.startInGroup(wrap(server));
            for (int i = 0; i < 30; i++) {
                MisbehavingClient c = MisbehavingClient.connect(server.port());
                clients.add(c);
                c.send(bytes("hi\n"), Delivery.WHOLE);
                c.readExactly(3, "client " + i + " sent \"hi\\n\"", ECHO_HINT); // its thread runs, blocked in read()
            }
            EchoTest.assertCloseWaits("ConcurrentEchoServer", server, before, group, "30 clients were connected, echoed, and"
                    + " stayed connected", "Likely cause: close() returns without join(), or joins only some threads:"
                    + " the accept thread alone, or a set of threads that lost some still running (remove a thread"
                    + " from it only once it has ended).");
        } finally {
            closeAll(clients);
        }
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("close() called from an interrupted thread stops the server and keeps the interrupt")
    void closeKeepsTheInterrupt() throws IOException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<MisbehavingClient> clients = new ArrayList<>();
        try (ConcurrentEchoServer server = new ConcurrentEchoServer(0)) {
            server.start();
            for (int i = 0; i < 3; i++) {
                MisbehavingClient c = MisbehavingClient.connect(server.port());
                clients.add(c);
                c.send(bytes("hi\n"), Delivery.WHOLE);
                c.readExactly(3, "client " + i + " sent \"hi\\n\"", ECHO_HINT);
            }
            String done = "3 clients were connected, echoed, and stayed connected";
            EchoTest.assertCloseKeepsInterrupt("ConcurrentEchoServer", server, before, done);
            for (int i = 0; i < clients.size(); i++) {
                String end = clients.get(i).awaitEnd();
                int n = i;
                assertTrue(end.equals("closed") || end.equals("reset"), () -> done + "; then close() was called from an"
                        + " interrupted thread. Expected client " + n + "'s connection to end all the same, but it was "
                        + end + ". Likely cause: close() returns when it sees the interrupt, before closing the"
                        + " connections; close every socket first, then wait.");
            }
        } finally {
            closeAll(clients);
        }
    }
}
