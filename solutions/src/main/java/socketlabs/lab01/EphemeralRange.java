package socketlabs.lab01;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Task 4: the OS's ephemeral port range; see the starter's Javadoc for the spec. */
public record EphemeralRange(int first, int last) {
    public static final Path LINUX_FILE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    public static final EphemeralRange IANA = new EphemeralRange(49152, 65535);

    public EphemeralRange {
        if (first < Ports.MIN_PORT || last > Ports.MAX_PORT || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /** Parses "32768\t60999\n": two numbers separated by whitespace. */
    public static EphemeralRange parse(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 2 || !fields[0].matches("[0-9]{1,5}") || !fields[1].matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("expected two port numbers, like \"32768\t60999\", but read \"" + text + "\"");
        }
        try {
            return new EphemeralRange(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", read from \"" + text + "\"", e);
        }
    }

    /** The range in {@code file}, or IANA's where there is no such file (not Linux). */
    public static EphemeralRange read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return IANA;
        }
        // not Files.readString: a /proc file says its size is 0, and readString then returns one byte
        return parse(String.join("\n", Files.readAllLines(file, StandardCharsets.US_ASCII)));
    }

    public static EphemeralRange ofThisMachine() throws IOException {
        return read(LINUX_FILE);
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public int size() {
        return last - first + 1;
    }
}
