package socketlabs.lab01;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Task 2: the services file ({@code /etc/services}); see the starter's Javadoc for the spec. */
public final class Services {
    private final List<Service> services;
    private final List<LineProblem> problems;

    private Services(List<Service> services, List<LineProblem> problems) {
        this.services = List.copyOf(services);
        this.problems = List.copyOf(problems);
    }

    /** Parses the lines of a services file: entries, and problems with their line numbers. */
    public static Services parse(List<String> lines) {
        List<Service> services = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String content = withoutComment(line).trim();
            if (content.isEmpty()) {
                continue;
            }
            int lineNumber = i + 1; // people count lines from 1
            try {
                services.add(entry(content.split("\\s+")));
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(lineNumber, line, e.getMessage()));
            }
        }
        return new Services(services, problems);
    }

    /** Reads and parses a services file. */
    public static Services read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public List<Service> all() {
        return services;
    }

    public List<LineProblem> problems() {
        return problems;
    }

    /** Every entry whose name or alias is {@code name}, in file order. */
    public List<Service> byName(String name) {
        List<Service> found = new ArrayList<>();
        for (Service s : services) {
            if (s.name().equals(name) || s.aliases().contains(name)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The first entry for this port and protocol. */
    public Optional<Service> byPort(int port, String protocol) {
        for (Service s : services) {
            if (s.port() == port && s.protocol().equalsIgnoreCase(protocol)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** One entry from its fields: name, port/protocol, aliases; throws with the reason if malformed. */
    private static Service entry(String[] fields) {
        if (fields.length < 2) {
            throw new IllegalArgumentException("no port/protocol after the name");
        }
        String portAndProtocol = fields[1];
        int slash = portAndProtocol.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + portAndProtocol + "\" is not port/protocol");
        }
        String portText = portAndProtocol.substring(0, slash);
        String protocol = portAndProtocol.substring(slash + 1);
        if (!portText.matches("[0-9]+")) {
            throw new IllegalArgumentException("port \"" + portText + "\" is not a number"); // also "+80" and "-1"
        }
        // more than 5 digits would overflow an int before the range check could see it
        if (portText.length() > 5 || Integer.parseInt(portText) > Ports.MAX_PORT) {
            throw new IllegalArgumentException("port " + portText + " is outside 0-65535");
        }
        int port = Integer.parseInt(portText);
        if (protocol.isEmpty()) {
            throw new IllegalArgumentException("empty protocol after \"" + portText + "/\"");
        }
        List<String> aliases = Arrays.asList(fields).subList(2, fields.length);
        return new Service(fields[0], port, protocol.toLowerCase(Locale.ROOT), aliases);
    }
}
