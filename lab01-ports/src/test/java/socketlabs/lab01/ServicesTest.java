package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Points;

/** The sample file is src/test/resources/socketlabs/lab01/services.txt: open it beside this test. */
@DisplayName("Task 2 · Services")
class ServicesTest {
    static final String SAMPLE = "services.txt";
    static Path sample;

    @BeforeAll
    static void findSample() {
        sample = Fixtures.path(SAMPLE);
    }

    static Services readSample() throws IOException {
        return Services.read(sample);
    }

    @Test
    @Points(2)
    @DisplayName("reads every well-formed entry of the sample file, aliases without the comments")
    void readsEntries() throws IOException {
        List<Service> all = readSample().all();
        assertEquals(29, all.size(), () -> "read " + SAMPLE + ": expected its 29 well-formed entries but got "
                + all.size() + ":\n" + lines(all) + "\nComment lines, blank lines and malformed lines are not entries.");
        assertEquals(new Service("tcpmux", 1, "tcp", List.of()), all.get(0),
                "the first entry (line 4, 'tcpmux<TAB><TAB>1/tcp<TABs># TCP port service multiplexer'): split on any run of"
                        + " spaces and tabs, and the comment is not an alias");
        expectEntry(all, new Service("discard", 9, "tcp", List.of("sink", "null")), "line 7: two aliases");
        expectEntry(all, new Service("kerberos", 88, "tcp", List.of("kerberos5", "krb5", "kerberos-sec")),
                "line 20: three aliases, then '# Kerberos v5', which is a comment, not two more aliases");
        expectEntry(all, new Service("finger", 79, "tcp", List.of()),
                "line 18: 'finger<TAB><TAB>79/tcp#a comment...': a comment starts at '#' even with no space before it");
        expectEntry(all, new Service("postgresql", 5432, "tcp", List.of("postgres")), "line 36: fields separated by spaces");
        expectEntry(all, new Service("last-port", 65535, "udp", List.of()), "line 40: 65535 is a valid port, the last one");
        expectEntry(all, new Service("sctp-echo", 7, "sctp", List.of()), "line 41: protocols other than tcp and udp exist");
        assertEquals(new Service("SSH", 2222, "tcp", List.of()), all.get(all.size() - 1), "the last entry, line 42");
    }

    @Test
    @Points(2)
    @DisplayName("TCP 53 and UDP 53 are different entries: a port is looked up with its protocol")
    void portAndProtocol() throws IOException {
        Services s = readSample();
        expectPort(s, 53, "tcp", "domain 53/tcp");
        expectPort(s, 53, "udp", "domain 53/udp");
        expectPort(s, 21, "tcp", "ftp 21/tcp");
        expectPort(s, 21, "udp", "fsp 21/udp fspd");
        expectPort(s, 514, "tcp", "shell 514/tcp cmd");
        expectPort(s, 514, "udp", "syslog 514/udp");
        expectPort(s, 7, "sctp", "sctp-echo 7/sctp");
        expectPort(s, 443, "UDP", "https 443/udp");
        Optional<Service> none = s.byPort(67, "tcp");
        assertTrue(none.isEmpty(), () -> "byPort(67, \"tcp\"): the sample has bootps 67/udp only, so expected empty, got "
                + none + ". Compare the protocol as well as the port.");
        assertTrue(s.byPort(9999, "tcp").isEmpty(), "byPort(9999, \"tcp\"): no such entry, expected empty");
    }

    @Test
    @Points(2)
    @DisplayName("finds a service by its name or by any of its aliases, names compared exactly")
    void byName() throws IOException {
        Services s = readSample();
        expectNamed(s, "www", "http 80/tcp www");
        expectNamed(s, "krb5", "kerberos 88/tcp kerberos5 krb5 kerberos-sec", "kerberos 88/udp kerberos5 krb5 kerberos-sec");
        expectNamed(s, "domain", "domain 53/tcp", "domain 53/udp");
        expectNamed(s, "webcache", "http-alt 8080/tcp webcache");
        expectNamed(s, "ssh", "ssh 22/tcp");
        expectNamed(s, "SSH", "SSH 2222/tcp");
        expectNamed(s, "gopher");
        expectNamed(s, "#");
    }

    @Test
    @Points(3)
    @DisplayName("reports each malformed line with its line number, and keeps reading after it")
    void malformedLines() throws IOException {
        List<String> file = Files.readAllLines(sample, StandardCharsets.UTF_8);
        Services s = readSample();
        List<Integer> numbers = s.problems().stream().map(LineProblem::lineNumber).collect(Collectors.toList());
        assertEquals(List.of(29, 30, 31, 32, 33), numbers, () -> "the malformed lines of " + SAMPLE
                + " are lines 29 (port 80x), 30 (port 65536), 31 (no /protocol), 32 (name only) and 33 (empty protocol);"
                + " got problems on lines " + numbers + ":\n" + s.problems().stream().map(String::valueOf).collect(Collectors.joining("\n"))
                + "\nLines count from 1, and blank and comment lines count too.");
        for (LineProblem p : s.problems()) {
            assertEquals(file.get(p.lineNumber() - 1), p.line(), "a problem keeps the line exactly as it was read");
            assertFalse(p.reason() == null || p.reason().isBlank(), () -> "a problem says what is wrong: " + p);
        }
        assertTrue(s.byName("postgresql").size() == 1 && s.byName("mysql").size() == 1,
                "the entries after the malformed lines (postgresql, line 36; mysql, line 37) must still be read:"
                        + " a bad line must not stop the parse");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"web 80x/tcp", "web +80/tcp", "web -1/tcp", "web 65536/tcp", "web 99999999999/tcp",
        "web 80/", "web 80", "web /tcp", "web"})
    @Points(2)
    @DisplayName("rejects a port that is not 0-65535 in digits, or a missing protocol, never dropping the line")
    void rejectsBadPortField(String bad) {
        List<String> lines = List.of("# a comment", bad + "   # trailing comment", "ok 8080/tcp");
        Services s = Services.parse(lines);
        assertEquals(1, s.problems().size(), () -> "parsed " + lines + ": expected exactly one problem, on line 2, got "
                + s.problems() + " and entries " + s.all()
                + ". A port is 0-65535 written in digits only (no sign), and it needs a /protocol after it.");
        assertEquals(2, s.problems().get(0).lineNumber(), () -> "the problem is on line 2 (the comment is line 1): " + s.problems());
        assertEquals(List.of(new Service("ok", 8080, "tcp", List.of())), s.all(), "the good line after the bad one is still read");
    }

    @Test
    @Points(1)
    @DisplayName("accounts for every line: each non-blank, non-comment line is an entry (protocol in lower case) or a problem")
    void nothingDropped() {
        List<String> lines = List.of("", "  ", "# x", "a 1/tcp", "\tb 2/udp  b2 ", "c 3/tcp#", "d", "e 5/UDP # e", "  # y", "f 99999/tcp");
        Services s = Services.parse(lines);
        assertEquals(4, s.all().size(), () -> "parsed " + lines + ": expected 4 entries (a, b, c, e), got " + s.all());
        assertEquals(List.of(7, 10), s.problems().stream().map(LineProblem::lineNumber).collect(Collectors.toList()),
                () -> "expected problems on lines 7 ('d') and 10 (port 99999), got " + s.problems());
        assertEquals(new Service("b", 2, "udp", List.of("b2")), s.all().get(1),
                "line 5 '\\tb 2/udp  b2 ': leading and trailing whitespace are not fields");
        assertEquals(new Service("e", 5, "udp", List.of()), s.all().get(3),
                "line 8 'e 5/UDP # e': an entry's protocol is kept in lower case (\"UDP\" becomes \"udp\"): toLowerCase(Locale.ROOT)");
    }

    @Test
    @DisplayName("reads this machine's /etc/services (skipped where there is none)")
    void readsTheRealFile() throws IOException {
        Path etc = Path.of("/etc/services");
        assumeTrue(Files.isReadable(etc), "this machine has no readable /etc/services");
        Services s = Services.read(etc);
        long dataLines = Files.readAllLines(etc, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).count();
        assertFalse(s.all().isEmpty(), "/etc/services has entries, but none were read");
        assertEquals(dataLines, s.all().size() + s.problems().size(), () -> "/etc/services has " + dataLines
                + " lines that are not blank or comments; each must be an entry or a problem, but got "
                + s.all().size() + " entries and " + s.problems().size() + " problems");
    }

    static void expectEntry(List<Service> all, Service expected, String why) {
        assertTrue(all.contains(expected), () -> "expected the entry " + expected + " (" + why + ") but it is not among the "
                + all.size() + " read:\n" + lines(all));
    }

    static void expectPort(Services s, int port, String protocol, String expected) {
        Optional<Service> found = s.byPort(port, protocol);
        assertEquals(Optional.of(expected), found.map(Service::toString), () -> "byPort(" + port + ", \"" + protocol
                + "\"): expected " + expected + " but got " + found
                + ". A port means something only with its protocol (the protocol compared without regard to case).");
    }

    static void expectNamed(Services s, String name, String... expected) {
        List<String> found = s.byName(name).stream().map(Service::toString).collect(Collectors.toList());
        assertEquals(List.of(expected), found, () -> "byName(\"" + name + "\"): expected " + List.of(expected) + " but got "
                + found + ". A name matches a service's name or one of its aliases, exactly (case-sensitive), in file order.");
    }

    static String lines(List<?> items) {
        return items.stream().map(i -> "  " + i).collect(Collectors.joining("\n"));
    }
}
