package socketlabs.lab01;

/** What a TCP connect scan learns about one port. Provided, ready-made. */
public enum PortState {
    /** The connection was accepted: something listens on the port. */
    OPEN,
    /** The connection was refused: the host answered (with a TCP reset), and nothing listens there. */
    CLOSED,
    /** No answer in time, or a router said the host cannot be reached: a firewall may drop the packets. */
    FILTERED
}
