package socketlabs.lab01;

/**
 * Task 3: an endpoint, a host and a port. RFC 793 calls the pair of an internet address and a
 * port a <em>socket</em>; Java calls it a socket address ({@link java.net.InetSocketAddress}).
 * It is written {@code host:port}, with an IPv6 address in brackets because the address itself
 * contains colons: {@code example.com:80}, {@code 1.2.3.4:80}, {@code [::1]:443}.
 *
 * @param host a host name or an IP address, never empty; an IPv6 address without brackets ("::1")
 * @param port 0-65535
 */
public record Endpoint(String host, int port) {
    /** Provided: an Endpoint is always valid, whoever makes it. */
    public Endpoint {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < Ports.MIN_PORT || port > Ports.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " out of range 0-65535");
        }
    }

    /**
     * Parses {@code host:port}. The host is kept as written, without brackets; it is not looked
     * up (no DNS query), so a name that does not exist still parses. The port is 1 to 5 decimal
     * digits and no sign; 0 is allowed (it means "any port" to bind).
     *
     * <pre>{@code
     * Endpoint.parse("example.com:80")  // Endpoint[host=example.com, port=80]
     * Endpoint.parse("1.2.3.4:80")      // Endpoint[host=1.2.3.4, port=80]
     * Endpoint.parse("[::1]:443")       // Endpoint[host=::1, port=443]
     * }</pre>
     *
     * @param text the endpoint as written
     * @return the endpoint
     * @throws IllegalArgumentException if {@code text} is malformed. The message contains the text
     *     and one of these phrases, saying what is wrong:
     *     <table>
     *       <caption>what is wrong, and the phrase the message contains</caption>
     *       <tr><td>{@code "example.com"}, {@code "example.com:"}, {@code "[::1]"}, {@code "[::1]443"}</td><td>missing port</td></tr>
     *       <tr><td>{@code ""}, {@code ":80"}, {@code "[]:80"}</td><td>empty host</td></tr>
     *       <tr><td>{@code "example.com:http"}, {@code "h:+80"}, {@code "h:-1"}, {@code "h: 80"}</td><td>port is not a number</td></tr>
     *       <tr><td>{@code "h:65536"}, {@code "h:99999999999"}</td><td>port out of range</td></tr>
     *       <tr><td>{@code "::1:443"}, {@code "2001:db8::1"}</td><td>IPv6 address needs brackets</td></tr>
     *       <tr><td>{@code "[::1:443"}</td><td>missing ']'</td></tr>
     *       <tr><td>{@code "[1.2.3.4]:80"}, {@code "[example.com]:80"}</td><td>brackets are only for IPv6</td></tr>
     *     </table>
     */
    public static Endpoint parse(String text) {
        // TODO lab01 task 3: handle "[v6]:port" first; otherwise exactly one ':' separates host and port
        throw new UnsupportedOperationException("lab01 task 3: Endpoint.parse is not written yet");
    }

    /**
     * Writes this endpoint the way {@link #parse(String)} reads it: {@code host:port}, with
     * brackets around a host that contains a colon (an IPv6 address).
     *
     * <pre>{@code
     * new Endpoint("1.2.3.4", 80).format()  // "1.2.3.4:80"
     * new Endpoint("::1", 443).format()     // "[::1]:443"
     * }</pre>
     *
     * @return the text form; {@code parse(e.format())} equals {@code e}
     */
    public String format() {
        // TODO lab01 task 3: an IPv6 address contains ':', so it needs brackets
        throw new UnsupportedOperationException("lab01 task 3: Endpoint.format is not written yet");
    }
}
