package socketlabs.lab01;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Task 4: the ephemeral port range, from which the OS picks a port for a socket that binds port 0
 * or connects without binding. IANA reserves 49152-65535 for it (RFC 6335), but each OS picks its
 * own range: Linux uses 32768-60999 unless configured otherwise, and says so in
 * {@code /proc/sys/net/ipv4/ip_local_port_range} ("32768	60999").
 *
 * @param first the lowest ephemeral port
 * @param last  the highest ephemeral port, included
 */
public record EphemeralRange(int first, int last) {
    /** Where Linux publishes its ephemeral range. */
    public static final Path LINUX_FILE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** IANA's dynamic range, the fallback where the OS does not say. */
    public static final EphemeralRange IANA = new EphemeralRange(49152, 65535);

    /** Provided: a range is always valid, whoever makes it. */
    public EphemeralRange {
        if (first < Ports.MIN_PORT || last > Ports.MAX_PORT || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /**
     * Parses the content of {@code ip_local_port_range}: two decimal numbers separated by
     * whitespace (Linux writes a tab), maybe surrounded by whitespace and a newline.
     *
     * <pre>{@code
     * EphemeralRange.parse("32768\t60999\n")  // EphemeralRange[first=32768, last=60999]
     * EphemeralRange.parse("60999 32768")     // throws IllegalArgumentException
     * }</pre>
     *
     * @param text the file's content
     * @return the range
     * @throws IllegalArgumentException if the text is not exactly two port numbers, first &lt;= last;
     *     the message quotes the text
     */
    public static EphemeralRange parse(String text) {
        // TODO lab01 task 4: strip, split on "\\s+", expect exactly two numbers
        throw new UnsupportedOperationException("lab01 task 4: EphemeralRange.parse is not written yet");
    }

    /**
     * Reads the range from a file in the format of {@code ip_local_port_range}. Where the file
     * does not exist (macOS, Windows), falls back to {@link #IANA}. Beware: files under
     * {@code /proc} report a size of 0, and {@code Files.readString} and {@code Files.readAllBytes},
     * which trust the size, return only the first byte of them; {@code Files.readAllLines} and
     * {@code InputStream.readAllBytes} read to the end.
     *
     * <pre>{@code
     * EphemeralRange.read(EphemeralRange.LINUX_FILE)   // 32768-60999 on most Linux machines
     * EphemeralRange.read(Path.of("/no/such/file"))    // IANA: 49152-65535
     * }</pre>
     *
     * @param file the file to read; tests pass files of their own
     * @return the range the file gives, or {@link #IANA} if there is no such file
     * @throws IOException if the file exists but cannot be read
     * @throws IllegalArgumentException if the file exists but its content is malformed (as {@link #parse})
     */
    public static EphemeralRange read(Path file) throws IOException {
        // TODO lab01 task 4: Files.exists, then Files.readAllLines (not readString: /proc files claim size 0) and parse
        throw new UnsupportedOperationException("lab01 task 4: EphemeralRange.read is not written yet");
    }

    /** This machine's ephemeral range: {@code read(LINUX_FILE)}. Provided. */
    public static EphemeralRange ofThisMachine() throws IOException {
        return read(LINUX_FILE);
    }

    /** True if {@code port} is in this range. Provided. */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** How many ports the range holds. Provided. */
    public int size() {
        return last - first + 1;
    }
}
