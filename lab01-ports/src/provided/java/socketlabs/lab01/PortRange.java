package socketlabs.lab01;

/**
 * The three ranges that IANA divides the 65,536 port numbers into (RFC 6335, section 6).
 * Provided, ready-made: nothing to write here.
 */
public enum PortRange {
    /** 0-1023: system ports, assigned to well-known services (HTTP 80, HTTPS 443, SSH 22, FTP 21). */
    WELL_KNOWN(0, 1023),
    /** 1024-49151: user ports, registered with IANA for applications (PostgreSQL 5432, for one). */
    REGISTERED(1024, 49151),
    /** 49152-65535: dynamic or private ports, never assigned; free for ephemeral use. */
    DYNAMIC(49152, 65535);

    /** The lowest port of the range. */
    public final int first;
    /** The highest port of the range, included. */
    public final int last;

    PortRange(int first, int last) {
        this.first = first;
        this.last = last;
    }
}
