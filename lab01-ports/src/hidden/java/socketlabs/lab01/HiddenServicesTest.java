package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** Hidden: services files generated from a seed, with names and ports the visible sample never uses. */
@Hidden
@DisplayName("Task 2 · Services")
class HiddenServicesTest {
    static final String[] PROTOCOLS = {"tcp", "udp", "tcp", "udp", "sctp"};
    static final String[] BAD_FIELDS = {"", "80x/tcp", "99999/tcp", "8080", "8080/", "-3/udp", "+5/tcp", "/tcp"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 4242, 90210})
    @Points(3)
    @DisplayName("parses a generated file: every entry, every problem's line, lookups by name, alias and port")
    void generatedFile(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<Service> entries = new ArrayList<>();
        List<Integer> problemLines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int kind = random.nextInt(20);
            if (kind == 0) {
                lines.add(random.nextBoolean() ? "" : " \t ");
            } else if (kind == 1) {
                lines.add(spaces(random) + "# comment " + i + " 80/tcp www");
            } else if (kind == 2) {
                lines.add("bad" + i + spaces(random) + BAD_FIELDS[random.nextInt(BAD_FIELDS.length)] + spaces(random) + "# oops");
                problemLines.add(lines.size());
            } else {
                String name = "svc" + random.nextInt(120);
                int port = random.nextInt(65536);
                String protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
                List<String> aliases = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    aliases.add("al" + random.nextInt(200));
                }
                StringBuilder line = new StringBuilder(random.nextBoolean() ? "" : spaces(random));
                line.append(name).append(spaces(random)).append(port).append('/').append(protocol);
                for (String alias : aliases) {
                    line.append(spaces(random)).append(alias);
                }
                if (random.nextBoolean()) {
                    line.append(random.nextBoolean() ? "#" : spaces(random) + "# ").append("note al").append(random.nextInt(200));
                }
                lines.add(line.toString());
                entries.add(new Service(name, port, protocol, aliases));
            }
        }
        Services s = Services.parse(lines);
        assertEquals(entries, s.all(), "seed " + seed + ": the entries of a generated file, in file order");
        assertEquals(problemLines, s.problems().stream().map(LineProblem::lineNumber).collect(Collectors.toList()),
                "seed " + seed + ": the line numbers of the malformed lines");
        for (int n = 0; n < 200; n++) {
            String name = (n % 2 == 0 ? "svc" : "al") + n;
            List<Service> expected = entries.stream().filter(e -> e.name().equals(name) || e.aliases().contains(name))
                    .collect(Collectors.toList());
            assertEquals(expected, s.byName(name), "seed " + seed + ": byName(\"" + name + "\")");
        }
        for (Service e : entries) {
            Optional<Service> first = entries.stream().filter(x -> x.port() == e.port() && x.protocol().equals(e.protocol())).findFirst();
            assertEquals(first, s.byPort(e.port(), e.protocol().toUpperCase()), "seed " + seed + ": byPort(" + e.port() + ", \""
                    + e.protocol().toUpperCase() + "\"), the first entry for it");
        }
    }

    static String spaces(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            sb.append(random.nextBoolean() ? ' ' : '\t');
        }
        return sb.toString();
    }
}
