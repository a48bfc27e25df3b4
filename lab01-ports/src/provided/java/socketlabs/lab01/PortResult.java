package socketlabs.lab01;

/**
 * One port's line in a scan report. Provided, ready-made.
 *
 * @param port  the port scanned
 * @param state what the scan learnt about it
 */
public record PortResult(int port, PortState state) {
    @Override
    public String toString() {
        return port + "/tcp " + state;
    }
}
