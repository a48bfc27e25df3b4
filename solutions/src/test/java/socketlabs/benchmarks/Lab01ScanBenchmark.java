package socketlabs.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import socketlabs.lab01.PortResult;
import socketlabs.lab01.PortScanner;
import socketlabs.lab01.PortState;

/**
 * How fast the reference scanner covers every TCP port of 127.0.0.1, and whether it finds what
 * the OS says is listening. Starts a few listeners of its own, scans 1-65535, prints the time and
 * ports per second, and compares the open ports with what {@code ss -ltn} lists just before and
 * just after the scan. Other programs open and close listeners meanwhile, so the comparison
 * counts as missed only ports that ss listed both times (they listened all through the scan),
 * and as extra only ports that ss listed neither time; the listeners it started must all be found.
 *
 * <p>Run from the project root:
 * {@code ./mvnw -q -Pbench -Dbench=socketlabs.benchmarks.Lab01ScanBenchmark -DskipTests verify -pl grading,solutions}
 * (arguments: {@code -Dbench.args="MAX_IN_FLIGHT TIMEOUT_MS"}, default 256 and 1000).
 */
public final class Lab01ScanBenchmark {
    static final int LISTENERS = 5;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    public static void main(String[] args) throws Exception {
        int maxInFlight = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        Duration timeout = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);

        List<ServerSocket> listeners = new ArrayList<>();
        try {
            Set<Integer> ours = new TreeSet<>();
            for (int i = 0; i < LISTENERS; i++) {
                ServerSocket s = new ServerSocket(0, 50, LOOPBACK);
                listeners.add(s);
                ours.add(s.getLocalPort());
            }
            System.out.println("listeners started on 127.0.0.1 ports " + ours);

            Set<Integer> before = ssListening();
            long start = System.nanoTime();
            List<PortResult> results = new PortScanner(maxInFlight, timeout).scan(LOOPBACK, 1, 65535);
            double seconds = (System.nanoTime() - start) / 1e9;

            Set<Integer> open = new TreeSet<>();
            int filtered = 0;
            for (PortResult r : results) {
                if (r.state() == PortState.OPEN) {
                    open.add(r.port());
                } else if (r.state() == PortState.FILTERED) {
                    filtered++;
                }
            }
            System.out.printf("scanned 127.0.0.1 ports 1-65535: %d ports in %.2f s, %.0f ports/s (%d in flight, %d ms timeout)%n",
                    results.size(), seconds, results.size() / seconds, maxInFlight, timeout.toMillis());
            System.out.println("open: " + open.size() + " " + open + "; filtered: " + filtered);
            Set<Integer> missed = new TreeSet<>(ours);
            missed.removeAll(open);
            System.out.println(missed.isEmpty() ? "all " + LISTENERS + " listeners of this run found"
                    : "MISSED listeners of this run: " + missed);

            compare(open, before, ssListening());
        } finally {
            for (ServerSocket s : listeners) {
                s.close();
            }
        }
    }

    /** Compares the scan with ss: a port listening all through must be found, and none found that never listened. */
    static void compare(Set<Integer> open, Set<Integer> before, Set<Integer> after) {
        if (before == null || after == null) {
            return;
        }
        Set<Integer> throughout = new TreeSet<>(before);
        throughout.retainAll(after);
        Set<Integer> ever = new TreeSet<>(before);
        ever.addAll(after);
        Set<Integer> missed = new TreeSet<>(throughout);
        missed.removeAll(open);
        Set<Integer> extra = new TreeSet<>(open);
        extra.removeAll(ever);
        System.out.println("ss -ltn: " + throughout.size() + " ports listening at 127.0.0.1 before and after the scan "
                + throughout + (ever.equals(throughout) ? "" : ", " + ever.size() + " before or after " + ever));
        System.out.println(missed.isEmpty() && extra.isEmpty() ? "ss -ltn and the scan agree on every port"
                : "differ: listening all through but not found " + missed + ", found but listed by ss neither time " + extra);
    }

    /** The TCP ports `ss -ltn` says listen where 127.0.0.1 reaches them; null (and a line saying why) without ss. */
    static Set<Integer> ssListening() throws InterruptedException {
        List<String> lines;
        try {
            Process ss = new ProcessBuilder("ss", "-ltnH").redirectErrorStream(true).start();
            try (InputStream out = ss.getInputStream()) {
                lines = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            if (!ss.waitFor(10, TimeUnit.SECONDS) || ss.exitValue() != 0) {
                System.out.println("ss -ltn failed: " + lines);
                return null;
            }
        } catch (IOException e) {
            System.out.println("ss is not installed here (" + e.getMessage() + "): no comparison with the OS's own list");
            return null;
        }
        Set<Integer> listening = new TreeSet<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4) {
                continue;
            }
            String local = fields[3]; // State Recv-Q Send-Q Local:Port Peer:Port
            int colon = local.lastIndexOf(':');
            if (reachableFromLoopback(local.substring(0, colon))) {
                listening.add(Integer.parseInt(local.substring(colon + 1)));
            }
        }
        return listening;
    }

    /**
     * Whether a listener on {@code address} (as ss writes it) answers at 127.0.0.1: that address
     * itself, and the wildcards (0.0.0.0, *, [::]), which include it. Not the rest of 127.0.0.0/8:
     * a listener on 127.0.0.2 is on loopback, but a scan of 127.0.0.1 never reaches it.
     */
    static boolean reachableFromLoopback(String address) {
        int scope = address.indexOf('%'); // "0.0.0.0%lo": bound to one interface, same address
        String a = scope < 0 ? address : address.substring(0, scope) + (address.startsWith("[") ? "]" : "");
        return a.equals("127.0.0.1") || a.equals("0.0.0.0") || a.equals("*") || a.equals("[::]")
                || a.equals("[::ffff:127.0.0.1]") || a.equals("[::ffff:0.0.0.0]");
    }
}
