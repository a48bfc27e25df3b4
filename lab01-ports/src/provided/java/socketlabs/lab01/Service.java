package socketlabs.lab01;

import java.util.List;

/**
 * One entry of a services file such as {@code /etc/services}: the line
 * {@code http  80/tcp  www  # WorldWideWeb HTTP} is {@code new Service("http", 80, "tcp", List.of("www"))}.
 * Provided, ready-made: nothing to write here.
 *
 * @param name     the official service name, exactly as written ("http")
 * @param port     the port number, 0-65535
 * @param protocol the transport protocol in lower case ("tcp", "udp", "sctp"...)
 * @param aliases  the other names of the service, in the order written; empty if none
 */
public record Service(String name, int port, String protocol, List<String> aliases) {
    public Service {
        aliases = List.copyOf(aliases); // a Service never changes after it is made
    }

    /** The entry as a services file line, for messages: {@code "http 80/tcp www"}. */
    @Override
    public String toString() {
        return name + " " + port + "/" + protocol + (aliases.isEmpty() ? "" : " " + String.join(" ", aliases));
    }
}
