package socketlabs.lab01;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Task 5: a TCP connect scanner; see the starter's Javadoc for the spec. Run it from the project
 * root: {@code java -cp solutions/target/classes socketlabs.lab01.PortScanner 127.0.0.1 1 65535}.
 */
public final class PortScanner {
    static final int DEFAULT_MAX_IN_FLIGHT = 256;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
    /** How many times a port that does not answer is tried before it is called FILTERED. */
    static final int TRIES_WHEN_SILENT = 2;

    private final int maxInFlight;
    private final Duration timeout;
    private final Connector connector;

    public PortScanner(int maxInFlight, Duration timeout) {
        this(maxInFlight, timeout, PortScanner::connectTcp);
    }

    public PortScanner(int maxInFlight, Duration timeout, Connector connector) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        // Socket.connect takes whole milliseconds, and 0 means "wait forever"
        if (timeout == null || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("the timeout must be at least 1 ms, not " + timeout);
        }
        if (connector == null) {
            throw new IllegalArgumentException("connector is null");
        }
        this.maxInFlight = maxInFlight;
        this.timeout = timeout;
        this.connector = connector;
    }

    /** Connects and closes at once: the answer to the connect is all a scan needs. */
    static void connectTcp(InetSocketAddress address, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
            if (socket.getLocalPort() == socket.getPort() && socket.getLocalAddress().equals(socket.getInetAddress())) {
                // the OS chose the scanned port as our source port: TCP connected the socket to itself
                throw new ConnectException("connected to itself: nothing listens on " + address);
            }
        }
    }

    /** Tries one port: OPEN, CLOSED or FILTERED; a silent port gets a second try before it is called FILTERED. */
    public PortState probe(InetAddress host, int port) {
        for (int attempt = 1; ; attempt++) {
            try {
                connector.connect(new InetSocketAddress(host, port), timeout);
                return PortState.OPEN;
            } catch (ConnectException e) {
                return PortState.CLOSED; // refused: the host answered that nothing listens there
            } catch (SocketTimeoutException e) {
                if (attempt == TRIES_WHEN_SILENT) {
                    return PortState.FILTERED; // silent every time: no answer is coming
                }
                // on a loaded machine a connect can time out before its SYN even left: one silence is not yet proof
            } catch (NoRouteToHostException e) {
                return PortState.FILTERED; // a router's "unreachable" is an answer: no second try
            } catch (IOException e) {
                throw new UncheckedIOException("cannot probe port " + port + " of " + host.getHostAddress(), e);
            }
        }
    }

    /** Scans {@code first..last}, at most maxInFlight at once; results in port order. */
    public List<PortResult> scan(InetAddress host, int first, int last) {
        if (first < 1 || last > Ports.MAX_PORT || first > last) {
            throw new IllegalArgumentException("cannot scan ports " + first + "-" + last
                    + ": the range must be within 1-65535, first <= last");
        }
        // a pool of maxInFlight threads, each doing one connect at a time, is the bound on connections
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxInFlight, last - first + 1));
        try {
            List<Future<PortState>> answers = new ArrayList<>();
            for (int port = first; port <= last; port++) {
                int p = port;
                answers.add(pool.submit(() -> probe(host, p)));
            }
            List<PortResult> results = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                results.add(new PortResult(first + i, answers.get(i).get())); // waiting in submit order keeps port order
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Scans a host and prints the open ports.
     * Usage: {@code PortScanner HOST [FIRST LAST [MAX_IN_FLIGHT [TIMEOUT_MS]]]}, for example
     * {@code PortScanner 127.0.0.1 1 65535 256 500}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length == 2 || args.length > 5) {
            System.err.println("usage: PortScanner HOST [FIRST LAST [MAX_IN_FLIGHT [TIMEOUT_MS]]]");
            System.err.println("  e.g. PortScanner 127.0.0.1 1 65535 256 500");
            System.exit(2);
        }
        InetAddress host = InetAddress.getByName(args[0]);
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int last = args.length > 2 ? Integer.parseInt(args[2]) : Ports.MAX_PORT;
        int maxInFlight = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_MAX_IN_FLIGHT;
        Duration timeout = args.length > 4 ? Duration.ofMillis(Long.parseLong(args[4])) : DEFAULT_TIMEOUT;

        System.out.printf("scanning %s ports %d-%d, %d in flight, %d ms timeout%n",
                host.getHostAddress(), first, last, maxInFlight, timeout.toMillis());
        long start = System.nanoTime();
        List<PortResult> results = new PortScanner(maxInFlight, timeout).scan(host, first, last);
        double seconds = (System.nanoTime() - start) / 1e9;

        // /etc/services where there is one, to name the open ports; none elsewhere
        Path servicesFile = Path.of("/etc/services");
        Services services = Files.isReadable(servicesFile) ? Services.read(servicesFile) : Services.parse(List.of());
        int open = 0;
        int filtered = 0;
        for (PortResult r : results) {
            if (r.state() == PortState.OPEN) {
                open++;
                String name = services.byPort(r.port(), "tcp").map(Service::name).orElse("");
                System.out.printf("%6d/tcp  open  %s%n", r.port(), name);
            } else if (r.state() == PortState.FILTERED) {
                filtered++;
            }
        }
        System.out.printf("%d open, %d filtered, %d closed of %d ports in %.2f s (%.0f ports/s)%n",
                open, filtered, results.size() - open - filtered, results.size(), seconds, results.size() / seconds);
    }
}
