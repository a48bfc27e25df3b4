package socketlabs.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import socketlabs.lab02.ConcurrentEchoServer;

/**
 * Lab 2 benchmark: the reference {@link ConcurrentEchoServer} beside socat, the same measures in
 * the same run, printed as ratios. Two measures:
 * <ol>
 *   <li>throughput on one connection: {@value #THROUGHPUT_MIB} MiB echoed, written from one
 *       thread while another reads, in MiB/s;
 *   <li>1,000 concurrent connections: the time to open {@value #CONNECTIONS} connections, send
 *       {@value #MESSAGE_BYTES} bytes on each, read every echo, and close them all.
 * </ol>
 * Each measure runs once per server to warm up, then {@value #ROUNDS} times per server, the
 * servers taking turns; the median is shown. socat is started as
 * {@code socat TCP-LISTEN:PORT,bind=127.0.0.1,reuseaddr,fork,backlog=1024 PIPE}: the echo peer
 * of the lab's README, bound to loopback, with the reference server's listen backlog. Without
 * socat on the PATH, the benchmark says so and measures the reference server alone.
 *
 * <p>Run from the project root:
 * {@code ./mvnw -q -Pbench -Dbench=socketlabs.benchmarks.Lab02EchoBenchmark -DskipTests verify -pl solutions -am}
 */
public final class Lab02EchoBenchmark {
    static final int THROUGHPUT_MIB = 256;
    static final int CONNECTIONS = 1000;
    static final int MESSAGE_BYTES = 64;
    static final int ROUNDS = 3;
    static final int CHUNK = 64 * 1024;
    static final int TIMEOUT_MILLIS = 15_000;

    private Lab02EchoBenchmark() {
    }

    /** One echo server under measure: a name and a port on 127.0.0.1. */
    record Target(String name, int port) {
    }

    public static void main(String[] args) throws Exception {
        printMachine();
        String socat = findOnPath("socat");
        try (ConcurrentEchoServer reference = new ConcurrentEchoServer(0)) {
            reference.start();
            List<Target> targets = new ArrayList<>(List.of(new Target("reference", reference.port())));
            Process socatProcess = null;
            if (socat == null) {
                System.out.println();
                System.out.println("*** socat is NOT installed (not found on the PATH): only the reference server is measured,");
                System.out.println("*** and no ratio can be given. Install it (Debian/Ubuntu: sudo apt-get install socat) and run again.");
            } else {
                int port = freePort();
                socatProcess = new ProcessBuilder(socat, "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork,backlog=1024", "PIPE")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                awaitListening(port, socatProcess);
                targets.add(new Target("socat", port));
                System.out.println("socat:      " + socat + " TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork,backlog=1024 PIPE");
            }
            try {
                run(targets);
            } finally {
                if (socatProcess != null) {
                    stop(socatProcess);
                }
            }
        }
    }

    private static void run(List<Target> targets) throws Exception {
        double[][] throughput = new double[targets.size()][ROUNDS];
        double[][] concurrent = new double[targets.size()][ROUNDS];
        System.out.println();
        System.out.println("warming up (one round of each measure per server)...");
        for (Target t : targets) {
            measure("warm-up", t, "throughput", () -> throughputMiBps(t, THROUGHPUT_MIB / 4));
            measure("warm-up", t, "1,000 connections", () -> concurrentMillis(t));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < targets.size(); i++) { // the servers take turns, so drift in the machine's load hits both
                Target t = targets.get(i);
                throughput[i][round] = measure("round " + (round + 1), t, "throughput", () -> throughputMiBps(t, THROUGHPUT_MIB));
                concurrent[i][round] = measure("round " + (round + 1), t, "1,000 connections", () -> concurrentMillis(t));
            }
        }
        System.out.println();
        System.out.printf("%-54s %10s %10s %16s%n", "measure (median of " + ROUNDS + " rounds)", targets.get(0).name(),
                targets.size() > 1 ? targets.get(1).name() : "-", targets.size() > 1 ? "reference/socat" : "");
        printRow("throughput, one connection (MiB/s, higher is better)", throughput, "%.0f");
        printRow("1,000 concurrent connections (ms, lower is better)", concurrent, "%.0f");
        System.out.println();
        for (int i = 0; i < targets.size(); i++) {
            System.out.println("rounds, " + targets.get(i).name() + ": throughput " + round(throughput[i])
                    + " MiB/s; 1,000 connections " + round(concurrent[i]) + " ms");
        }
        if (targets.size() > 1) {
            double speed = median(throughput[0]) / median(throughput[1]);
            double time = median(concurrent[1]) / median(concurrent[0]);
            System.out.printf("%nthe reference server is %.2fx socat's throughput and serves 1,000 connections %.2fx as fast%n",
                    speed, time);
        } else {
            System.out.println("\n*** socat is NOT installed: the figures above are the reference server's alone, with no comparison.");
        }
    }

    /** One measurement; a failure (a stalled or crashed peer) is printed and counted as no figure (NaN). */
    interface Measure {
        double run() throws Exception;
    }

    private static double measure(String round, Target target, String what, Measure m) {
        try {
            return m.run();
        } catch (Exception e) {
            System.out.println(round + ", " + target.name() + ", " + what + ": FAILED, no figure: " + e);
            return Double.NaN;
        }
    }

    private static void printRow(String label, double[][] values, String format) {
        String ratio = values.length > 1 ? String.format("%.2f", median(values[0]) / median(values[1])) : "";
        System.out.printf("%-54s %10s %10s %16s%n", label, String.format(format, median(values[0])),
                values.length > 1 ? String.format(format, median(values[1])) : "-", ratio);
    }

    /** Echoes {@code mib} MiB through one connection, writing from a second thread, and returns MiB/s. */
    static double throughputMiBps(Target target, int mib) throws Exception {
        long total = (long) mib * 1024 * 1024;
        try (Socket socket = connect(target.port())) {
            byte[] chunk = new byte[CHUNK];
            Arrays.fill(chunk, (byte) 'x');
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    for (long sent = 0; sent < total; sent += CHUNK) {
                        out.write(chunk, 0, (int) Math.min(CHUNK, total - sent));
                    }
                } catch (IOException e) {
                    // the reader reports the round as failed; a stalled peer shows there as a read time-out
                }
            }, "bench-writer");
            writer.start();
            byte[] buffer = new byte[CHUNK];
            long received = 0;
            while (received < total) {
                int n = in.read(buffer);
                if (n == -1) {
                    throw new IOException(target.name() + " closed after " + received + " of " + total + " bytes");
                }
                received += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.join();
            return mib / seconds;
        }
    }

    /** Opens {@value #CONNECTIONS} connections, sends a message on each, reads every echo, closes all: milliseconds. */
    static double concurrentMillis(Target target) throws IOException {
        List<Socket> sockets = new ArrayList<>(CONNECTIONS);
        byte[] message = new byte[MESSAGE_BYTES];
        Arrays.fill(message, (byte) 'm');
        long start = System.nanoTime();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.add(connect(target.port()));
            }
            for (Socket s : sockets) {
                s.getOutputStream().write(message);
            }
            for (Socket s : sockets) {
                if (s.getInputStream().readNBytes(MESSAGE_BYTES).length != MESSAGE_BYTES) { // a stall shows as a time-out
                    throw new IOException(target.name() + " closed a connection before echoing " + MESSAGE_BYTES + " bytes");
                }
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Waits (up to 5 s) until the process listens on the port; a program that waits, not a test. */
    static void awaitListening(int port, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            try {
                connect(port).close();
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IOException("socat did not start listening on port " + port + " (exit: "
                            + (process.isAlive() ? "still running" : process.exitValue()) + ")", e);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Stops socat and the children it forked (one per connection), and only those. */
    static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
    }

    static String findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static void printMachine() throws IOException {
        String cpu = "unknown";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        System.out.println("Lab 2 echo benchmark: the reference ConcurrentEchoServer beside socat, over 127.0.0.1");
        System.out.println("machine:    " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores available, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        System.out.println("java:       " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /** The median of the rounds that gave a figure (NaN if none did). */
    private static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    private static String round(double[] values) {
        return Arrays.stream(values).mapToObj(v -> Double.isNaN(v) ? "failed" : String.valueOf(Math.round(v)))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
