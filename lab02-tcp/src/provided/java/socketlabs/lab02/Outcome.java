package socketlabs.lab02;

/**
 * How one request-reply exchange over TCP ended (task 4). Each way a connection can end is a
 * result to report, not a stack trace. Provided, ready-made: nothing to write here.
 */
public enum Outcome {
    /** The server closed its side normally (end of stream): the reply is everything it sent. */
    COMPLETE,
    /** Nothing arrived for longer than the timeout; the reply holds what had arrived before. */
    TIMED_OUT,
    /** Nothing listens on that port: the peer's host answered the connection attempt with a reset. */
    REFUSED,
    /** The connection was established, then the peer reset it (a TCP RST, not an orderly close). */
    RESET
}
