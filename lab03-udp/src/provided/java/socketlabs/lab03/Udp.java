package socketlabs.lab03;

/**
 * Sizes every UDP program in this lab needs. Provided, ready-made: nothing to write here.
 */
public final class Udp {
    /**
     * The largest UDP payload over IPv4: 65,535 (the IP length field) minus 20 bytes of IP header
     * and 8 of UDP header. A receive buffer this big never truncates an IPv4 datagram.
     */
    public static final int MAX_DATAGRAM = 65_507;

    private Udp() {
    }
}
