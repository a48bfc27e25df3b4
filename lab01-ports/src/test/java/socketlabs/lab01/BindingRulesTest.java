package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Points;

/**
 * Task 4's error paths: what binding and reading the range do when things go wrong.
 *
 * <p>Isolated: no other test runs beside these. {@link #noDescriptorLeak()} counts the whole
 * process's open file descriptors, which the sockets of tests running beside it would change,
 * and where /proc/self/fd is missing it opens sockets up to the open-files limit, which would
 * leave the tests beside it none. (A method-level lock on JUnit's global resource would isolate
 * the whole class all the same: JUnit lifts it to the class.)
 */
@DisplayName("Task 4 · Binding: the error paths")
@Isolated("counts the process's open file descriptors; may use up the open-files limit for a moment")
class BindingRulesTest {
    private static final InetAddress LOOPBACK = Loopback.ADDRESS;
    /** An address of RFC 5737's documentation block: on no machine's interfaces, so binding it fails at once, sending nothing. */
    private static final byte[] NOT_HERE = {(byte) 192, 0, 2, 1};
    private static final Path FDS = Path.of("/proc/self/fd");
    /** Where /proc/self/fd is missing, descriptors are counted by the room left under the open-files limit, up to this. */
    private static final int PROBE_CAP = 4096;

    @Test
    @Points(2)
    @DisplayName("an address not on this machine is FAILED (not IN_USE), with the OS's reason and no socket")
    void failedIsNotInUse() throws IOException {
        InetAddress notHere = InetAddress.getByAddress(NOT_HERE);
        try (BindResult tcp = Binder.bindTcp(notHere, 0); BindResult udp = Binder.bindUdp(notHere, 0)) {
            for (BindResult r : new BindResult[] {tcp, udp}) {
                assertEquals(BindResult.Status.FAILED, r.status(), () -> "binding 192.0.2.1 (an address no interface here"
                        + " has; the OS says \"Cannot assign requested address\") must give FAILED, got " + r + ". IN_USE is only"
                        + " for a BindException whose message contains \"already in use\"; any other IOException is FAILED.");
                assertNull(r.socket(), () -> "a FAILED result holds no socket: close what did not bind (" + r + ")");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("leaves no socket open when a bind fails: 50 binds of a port in use cost no file descriptor")
    void noDescriptorLeak() throws IOException {
        assumeTrue(Files.isDirectory(FDS) || freeDescriptors() < PROBE_CAP,
                "no /proc/self/fd and no limit on open files here: descriptors cannot be counted");
        InetAddress notHere = InetAddress.getByAddress(NOT_HERE);
        try (ServerSocket tcpHolder = new ServerSocket(0, 50, LOOPBACK); DatagramSocket udpHolder = new DatagramSocket(0, LOOPBACK)) {
            tcpHolder.setSoTimeout(2000);
            udpHolder.setSoTimeout(2000);
            Binder.bindTcp(LOOPBACK, tcpHolder.getLocalPort()).close(); // warm-up: classes loaded, buffers made
            Binder.bindUdp(LOOPBACK, udpHolder.getLocalPort()).close();
            long before = openDescriptors();
            for (int i = 0; i < 50; i++) {
                Binder.bindTcp(LOOPBACK, tcpHolder.getLocalPort()).close();
                Binder.bindUdp(LOOPBACK, udpHolder.getLocalPort()).close();
                Binder.bindTcp(notHere, 0).close();
                Binder.bindUdp(notHere, 0).close();
            }
            long after = openDescriptors();
            assertTrue(after - before < 10, () -> "bound a TCP and a UDP port that are in use, and an address not on this"
                    + " machine, 50 times each (200 failed binds, each result closed); this process had " + before + " open file"
                    + " descriptors before and " + after + " after. A socket made for a bind that failed stays open until"
                    + " closed: close it before returning IN_USE or FAILED (try-with-resources does not fit here, since a bound"
                    + " socket must stay open: catch, close, return).");
        }
    }

    /** Open descriptors: listed in /proc/self/fd, or, where there is none (a sandbox, macOS), the limit's room used up. */
    private static long openDescriptors() throws IOException {
        if (!Files.isDirectory(FDS)) {
            return PROBE_CAP - freeDescriptors();
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        }
    }

    /** How many more sockets this process may open (at most PROBE_CAP), found by opening them until the OS refuses. */
    private static int freeDescriptors() {
        java.util.List<DatagramSocket> opened = new java.util.ArrayList<>();
        try {
            while (opened.size() < PROBE_CAP) {
                opened.add(new DatagramSocket(0, LOOPBACK));
            }
        } catch (IOException e) {
            // the limit on open files: what was opened is the room there was
        } finally {
            opened.forEach(DatagramSocket::close);
        }
        return opened.size();
    }

    @ParameterizedTest(name = "a file holding \"{0}\"")
    @ValueSource(strings = {"60999 32768\n", "hello\n", "", "32768\t65536\n"})
    @Points(2)
    @DisplayName("read: an existing file with malformed content throws IllegalArgumentException, never falls back to IANA")
    void readMalformedThrows(String content, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("ip_local_port_range");
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        String shown = content.replace("\t", "\\t").replace("\n", "\\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EphemeralRange.read(file),
                () -> "EphemeralRange.read(a file holding \"" + shown + "\") must throw IllegalArgumentException, as parse does:"
                        + " the fallback to IANA is only for a file that does not exist; a file that exists and says something"
                        + " wrong is an error to report.");
        assertTrue(String.valueOf(e.getMessage()).contains(content.strip()), () -> "the message should quote the text read (\""
                + shown + "\"), but was: " + e.getMessage());
    }

    @Test
    @Points(1)
    @DisplayName("read: a path that exists but cannot be read as a file (a directory) throws IOException, no fallback")
    void readUnreadableThrows(@TempDir Path dir) {
        assertThrows(IOException.class, () -> EphemeralRange.read(dir), "EphemeralRange.read(a directory): the path exists but"
                + " cannot be read; expected an IOException, not IANA's range (that fallback is only for a missing file)");
    }

    @Test
    @Points(1)
    @DisplayName("read: reads /proc/sys/net/ipv4/ip_local_port_range whole, though it claims a size of 0 (Linux only)")
    void readsProcWhole() throws IOException {
        assumeTrue(Files.isReadable(EphemeralRange.LINUX_FILE), "no " + EphemeralRange.LINUX_FILE + ": not Linux");
        String text;
        try (InputStream in = Files.newInputStream(EphemeralRange.LINUX_FILE)) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] fields = text.trim().split("\\s+");
        EphemeralRange expected = new EphemeralRange(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]));
        EphemeralRange got;
        try {
            got = EphemeralRange.read(EphemeralRange.LINUX_FILE);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("EphemeralRange.read(" + EphemeralRange.LINUX_FILE + ") threw " + e + "; the file holds \""
                    + text.replace("\t", "\\t").replace("\n", "\\n") + "\". Files under /proc report a size of 0, and"
                    + " Files.readString and Files.readAllBytes, trusting it, read only the first byte: use Files.readAllLines.", e);
        }
        assertEquals(expected, got, "EphemeralRange.read(" + EphemeralRange.LINUX_FILE + ")");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"32768,60999", "60999 32768", "1 2 3"})
    @Points(1)
    @DisplayName("parse: the exception's message quotes the text")
    void parseMessageQuotesText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EphemeralRange.parse(text),
                () -> "EphemeralRange.parse(\"" + text + "\") must throw IllegalArgumentException");
        assertTrue(String.valueOf(e.getMessage()).contains(text), () -> "EphemeralRange.parse(\"" + text + "\"): the message"
                + " should quote the text, to show what was read, but was: " + e.getMessage());
    }
}
