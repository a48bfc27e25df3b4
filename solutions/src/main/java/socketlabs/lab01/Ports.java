package socketlabs.lab01;

/**
 * Task 1: port numbers. A port is a 16-bit unsigned number, 0 to 65535, that names one endpoint
 * of communication within a host.
 */
public final class Ports {
    /** The lowest port number. */
    public static final int MIN_PORT = 0;
    /** The highest port number: 2^16 - 1. */
    public static final int MAX_PORT = 65535;

    private Ports() {
    }

    /** Classifies a port number into its IANA range; see the starter's Javadoc for the spec. */
    public static PortRange classify(int port) {
        if (!isValid(port)) {
            throw new IllegalArgumentException("port " + port + " is outside " + MIN_PORT + "-" + MAX_PORT);
        }
        for (PortRange range : PortRange.values()) {
            if (port <= range.last) {
                return range;
            }
        }
        throw new AssertionError("unreachable: the ranges cover 0-65535");
    }

    /** Tells whether a number is a valid port number (0-65535). */
    public static boolean isValid(int port) {
        return port >= MIN_PORT && port <= MAX_PORT;
    }
}
