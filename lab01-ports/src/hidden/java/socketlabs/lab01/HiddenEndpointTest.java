package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

/** Hidden: endpoints generated from a seed, none of them the visible tests' examples. */
@Hidden
@DisplayName("Task 3 · Endpoints")
class HiddenEndpointTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 1999, 65535})
    @Points(2)
    @DisplayName("formats and parses back generated IPv4, IPv6 and name endpoints, and rejects their broken forms")
    void generated(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String host = host(random);
            int port = random.nextInt(65536);
            boolean v6 = host.contains(":");
            String text = v6 ? "[" + host + "]:" + port : host + ":" + port;
            Endpoint e = new Endpoint(host, port);
            assertEquals(text, e.format(), "seed " + seed + ": format() of host " + host + " port " + port);
            assertEquals(e, Endpoint.parse(text), "seed " + seed + ": parse(\"" + text + "\")");
            int bad = 65536 + random.nextInt(1_000_000);
            String tooBig = v6 ? "[" + host + "]:" + bad : host + ":" + bad;
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(tooBig), "seed " + seed + ": parse(\"" + tooBig + "\")");
            String noPort = v6 ? "[" + host + "]" : host;
            assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(noPort), "seed " + seed + ": parse(\"" + noPort + "\")");
            if (v6) {
                String bare = host + ":" + port;
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(bare), "seed " + seed + ": parse(\"" + bare + "\")");
            }
        }
    }

    static String host(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 1: {
                StringBuilder sb = new StringBuilder(Integer.toHexString(1 + random.nextInt(0xffff)));
                int groups = 1 + random.nextInt(6);
                sb.append(random.nextBoolean() ? "::" : ":");
                for (int g = 0; g < groups; g++) {
                    sb.append(g == 0 ? "" : ":").append(Integer.toHexString(random.nextInt(0x10000)));
                }
                return sb.toString();
            }
            default: {
                StringBuilder sb = new StringBuilder();
                for (int labels = 1 + random.nextInt(3); labels > 0; labels--) {
                    sb.append(sb.length() == 0 ? "" : ".").append("h").append(Long.toString(random.nextInt(1 << 20), 36));
                }
                return sb.toString();
            }
        }
    }
}
