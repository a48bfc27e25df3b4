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

    /**
     * Classifies a port number into its IANA range.
     *
     * <pre>{@code
     * Ports.classify(80)    == PortRange.WELL_KNOWN
     * Ports.classify(1024)  == PortRange.REGISTERED
     * Ports.classify(49152) == PortRange.DYNAMIC
     * Ports.classify(65536)    // throws IllegalArgumentException
     * }</pre>
     *
     * @param port a port number
     * @return {@link PortRange#WELL_KNOWN} for 0-1023, {@link PortRange#REGISTERED} for 1024-49151,
     *     {@link PortRange#DYNAMIC} for 49152-65535
     * @throws IllegalArgumentException if {@code port} is outside 0-65535; the message names the
     *     port and the valid range, for example {@code "port 65536 is outside 0-65535"}
     */
    public static PortRange classify(int port) {
        // TODO lab01 task 1: check the range, then compare against the boundaries of PortRange
        throw new UnsupportedOperationException("lab01 task 1: Ports.classify is not written yet");
    }

    /**
     * Tells whether a number is a valid port number.
     *
     * <pre>{@code
     * Ports.isValid(0) == true;  Ports.isValid(65535) == true;  Ports.isValid(-1) == false
     * }</pre>
     *
     * @param port any int
     * @return true if {@code port} is in 0-65535
     */
    public static boolean isValid(int port) {
        // TODO lab01 task 1: a port is 16 bits, unsigned
        throw new UnsupportedOperationException("lab01 task 1: Ports.isValid is not written yet");
    }
}
