package socketlabs.lab01;

/** Task 3: an endpoint, a host and a port; see the starter's Javadoc for the spec. */
public record Endpoint(String host, int port) {
    public Endpoint {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < Ports.MIN_PORT || port > Ports.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " out of range 0-65535");
        }
    }

    /** Parses {@code host:port}, {@code 1.2.3.4:80} or {@code [::1]:443}; no DNS lookup. */
    public static Endpoint parse(String text) {
        String host;
        String portText;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw malformed(text, "missing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.startsWith(":")) {
                throw malformed(text, "missing port after ']'");
            }
            portText = rest.substring(1);
            if (!host.isEmpty() && !host.contains(":")) {
                throw malformed(text, "brackets are only for IPv6 addresses");
            }
        } else {
            int colon = text.indexOf(':');
            if (colon != text.lastIndexOf(':')) {
                // "::1:443" could be ::1 port 443 or the address ::1:443: only brackets can tell
                throw malformed(text, "IPv6 address needs brackets");
            }
            if (colon < 0) {
                throw malformed(text, text.isEmpty() ? "empty host" : "missing port");
            }
            host = text.substring(0, colon);
            portText = text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw malformed(text, "empty host");
        }
        return new Endpoint(host, port(text, portText));
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String format() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    private static int port(String text, String portText) {
        if (portText.isEmpty()) {
            throw malformed(text, "missing port");
        }
        if (!portText.matches("[0-9]+")) {
            throw malformed(text, "port is not a number"); // Integer.parseInt would accept "+80" and "-1"
        }
        // more than 5 digits could overflow an int: still a number, only too big
        if (portText.length() > 5 || Integer.parseInt(portText) > Ports.MAX_PORT) {
            throw malformed(text, "port out of range 0-65535");
        }
        return Integer.parseInt(portText);
    }

    private static IllegalArgumentException malformed(String text, String what) {
        return new IllegalArgumentException("\"" + text + "\": " + what);
    }
}
