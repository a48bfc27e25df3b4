package socketlabs.lab01;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Task 2: the services file. {@code /etc/services} maps service names to port numbers, one
 * entry a line:
 * <pre>
 * # name     port/protocol   aliases...          # comment
 * http       80/tcp          www                 # WorldWideWeb HTTP
 * domain     53/tcp                              # Domain Name Server
 * domain     53/udp
 * </pre>
 * Fields are separated by any run of spaces and tabs; everything from a {@code #} to the end of
 * the line is a comment. TCP 53 and UDP 53 are two entries: a port number means something only
 * together with a protocol.
 */
public final class Services {
    private final List<Service> services;
    private final List<LineProblem> problems;

    private Services(List<Service> services, List<LineProblem> problems) {
        this.services = List.copyOf(services);
        this.problems = List.copyOf(problems);
    }

    /**
     * Parses the lines of a services file. Each line is one of:
     * <ul>
     *   <li>blank, or only a comment (possibly indented): skipped;</li>
     *   <li>an entry {@code name port/protocol [alias...] [# comment]}: becomes a {@link Service},
     *       with the protocol in lower case;</li>
     *   <li>anything else: a {@link LineProblem} with its line number (the first line is 1, and
     *       blank and comment lines count), the line as given, and what is wrong. A problem never
     *       stops the parse: the lines after it are read as usual.</li>
     * </ul>
     * A line is malformed when it has no {@code port/protocol} field, the port is not written in
     * decimal digits only (no sign: {@code "+80"} and {@code "-1"} are malformed), the port is
     * outside 0-65535, or the protocol is empty.
     *
     * <pre>{@code
     * Services s = Services.parse(List.of("# comment", "ssh  22/tcp", "web  80x/tcp"));
     * s.all()      // [ssh 22/tcp]
     * s.problems() // [line 3: port "80x" is not a number: web  80x/tcp]
     * }</pre>
     *
     * @param lines the file's lines, without line terminators
     * @return the entries in file order, and the problems in file order
     */
    public static Services parse(List<String> lines) {
        // TODO lab01 task 2: cut the comment at '#', trim, split on "\\s+", then check name, port/protocol and range
        throw new UnsupportedOperationException("lab01 task 2: Services.parse is not written yet");
    }

    /**
     * Reads and parses a services file (UTF-8), as {@link #parse(List)} does.
     *
     * <pre>{@code
     * Services.read(Path.of("/etc/services")).byPort(22, "tcp")   // Optional[ssh 22/tcp]
     * }</pre>
     *
     * @param file the file to read, for example {@code /etc/services}
     * @return the parsed file
     * @throws IOException if the file cannot be read
     */
    public static Services read(Path file) throws IOException {
        // TODO lab01 task 2: read all lines of the file, then parse them
        throw new UnsupportedOperationException("lab01 task 2: Services.read is not written yet");
    }

    /** Every entry read, in file order. */
    public List<Service> all() {
        return services;
    }

    /** Every malformed line, in file order; empty if the file was clean. */
    public List<LineProblem> problems() {
        return problems;
    }

    /**
     * Finds the entries called {@code name}, by their name or by one of their aliases. Names are
     * case-sensitive, as the C library's getservbyname(3) compares them.
     *
     * <pre>{@code
     * byName("domain")  // [domain 53/tcp, domain 53/udp]
     * byName("www")     // [http 80/tcp www]   (an alias finds its service)
     * byName("gopher")  // []                  (no such service)
     * }</pre>
     *
     * @param name a service name or alias
     * @return every matching entry, in file order; an empty list if none
     */
    public List<Service> byName(String name) {
        // TODO lab01 task 2: match the name and every alias
        throw new UnsupportedOperationException("lab01 task 2: Services.byName is not written yet");
    }

    /**
     * Finds the entry for a port and a protocol. The protocol is compared without regard to case
     * ("TCP" finds "tcp"). When a file lists the same port and protocol twice, the first entry wins,
     * as getservbyport(3) does.
     *
     * <pre>{@code
     * byPort(53, "udp")   // Optional[domain 53/udp]
     * byPort(514, "tcp")  // Optional[shell 514/tcp cmd]   byPort(514, "udp")  // Optional[syslog 514/udp]
     * byPort(9999, "tcp") // Optional.empty
     * }</pre>
     *
     * @param port     a port number
     * @param protocol "tcp", "udp"...
     * @return the first entry with that port and protocol, or empty
     */
    public Optional<Service> byPort(int port, String protocol) {
        // TODO lab01 task 2: a port number alone is not enough, compare the protocol too
        throw new UnsupportedOperationException("lab01 task 2: Services.byPort is not written yet");
    }
}
