package socketlabs.instructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The operating-system sandbox every grading test JVM runs in (Linux, bubblewrap). Inside it the
 * JVM has: its own PID namespace (when it ends, everything it started ends), its own network
 * namespace with only loopback, its own IPC and UTS namespaces, no {@code /proc}, a read-only view
 * of the JDK (whose {@code bin} holds only {@code java}), the system's libraries, and the paths the
 * grader binds in (compiled classes, jars), and one writable folder, {@code /tmp}, a tmpfs of a
 * fixed size. Run by root, the JVM runs as a uid of its own that owns nothing on the machine,
 * with no capabilities but, where asked, CAP_NET_RAW (which in its own network namespace reaches
 * only its own loopback). The kernel enforces the limits ({@link Jail#command}): prlimit always,
 * cgroups where the machine lets the grader make them.
 *
 * <p>Where no sandbox can be made the grader says so loudly and runs the JVM as before, unless
 * told to refuse ({@code --require-sandbox}).
 */
final class Sandbox {
    static final String INSIDE = "/sandbox";
    static final String JDK = "/jdk";
    static final String TMP = "/tmp";
    /** The writable folder of each JVM: a tmpfs of this size. */
    static final int TMP_MEGABYTES = 64;
    /** The largest file a test JVM may write (RLIMIT_FSIZE). */
    static final int FILE_MEGABYTES = 64;
    /** Open files and sockets per test JVM (RLIMIT_NOFILE). */
    static final int OPEN_FILES = 1024;
    /** Memory of the whole JVM beyond its heap: metaspace, code, thread stacks, buffers (cgroup memory limit). */
    static final int NON_HEAP_MEGABYTES = 384;
    // the uids the test JVMs run as when the grader is root: owned by nobody, one per JVM at a time
    static final int FIRST_UID = 2_000_000;
    static final AtomicInteger NEXT = new AtomicInteger();
    static final String[] LIBRARY_DIRS = {"/lib", "/lib64", "/lib32", "/usr/lib64", "/usr/lib32",
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
        // the C.UTF-8 locale: without it the JVM takes file names as ASCII and cannot open "été.txt"
        "/usr/lib/locale"};
    private static Sandbox detected;
    // the ephemeral ports of a network namespace the kernel has just made (its defaults, whatever the host's are)
    static final String PORT_RANGE_PATH = "/proc/sys/net/ipv4/ip_local_port_range";
    static final Path PORT_RANGE = portRangeFile();

    /** Null when the sandbox works; otherwise why it cannot be made here. */
    final String missing;
    final boolean root;
    final String bwrap;
    final String setpriv;
    final String prlimit;
    final Cgroups cgroups;
    final Path jdk;
    final List<String> jdkLinks;
    final String unshare;
    /** An empty folder a noexec tmpfs is mounted on for each JVM (in its own mount namespace), or null: a plain tmpfs. */
    Path noexecTmp;

    private Sandbox(String missing, boolean root, String bwrap, String setpriv, String prlimit, Cgroups cgroups,
                    Path jdk, List<String> jdkLinks) {
        this.unshare = root ? which("unshare") : null;
        this.missing = missing;
        this.root = root;
        this.bwrap = bwrap;
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.cgroups = cgroups;
        this.jdk = jdk;
        this.jdkLinks = jdkLinks;
    }

    boolean available() {
        return missing == null;
    }

    /** What this machine allows, found once: the tools, whether bubblewrap can make namespaces here, and cgroups. */
    static synchronized Sandbox detect() {
        if (detected == null) {
            detected = probe();
        }
        return detected;
    }

    /** No sandbox and no kernel limits, as the grader ran before it had them: for comparison (--sandbox off) only. */
    static Sandbox off() {
        return new Sandbox("turned off (--sandbox off)", false, null, null, null, null, null, List.of());
    }

    private static Sandbox probe() {
        Path jdk = Path.of(Course.javaExecutable()).toAbsolutePath().getParent().getParent();
        try {
            jdk = jdk.toRealPath();
        } catch (IOException e) {
            // keep the path as it is
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        String prlimit = linux ? which("prlimit") : null;
        if (!linux) {
            return new Sandbox("this is not Linux (" + System.getProperty("os.name") + "): no namespaces, no bubblewrap",
                    false, null, null, null, null, jdk, List.of());
        }
        boolean root = "0".equals(idOfUser());
        String bwrap = which("bwrap");
        String setpriv = which("setpriv");
        Cgroups cgroups = root ? Cgroups.detect() : null;
        if (bwrap == null) {
            return new Sandbox("bubblewrap is not installed (Debian, Ubuntu: apt-get install bubblewrap)", root, null, null,
                    prlimit, cgroups, jdk, List.of());
        }
        if (root && setpriv == null) {
            return new Sandbox("setpriv (util-linux) is not installed, so the JVM cannot be made to run as an unprivileged uid",
                    root, null, null, prlimit, cgroups, jdk, List.of());
        }
        Sandbox s = new Sandbox(null, root, bwrap, setpriv, prlimit, cgroups, jdk, absoluteLinks(jdk));
        // /tmp noexec where the grader may mount (root, util-linux's unshare and mount); a plain tmpfs otherwise
        s.noexecTmp = s.unshare != null && which("mount") != null ? emptyFolder() : null;
        String out = startsJvm(s);
        if ((out == null || !out.contains("version")) && s.noexecTmp != null) {
            s.noexecTmp = null;
            out = startsJvm(s);
        }
        if (out == null || !out.contains("version")) {
            return new Sandbox("bubblewrap could not start a JVM here (a container that forbids namespaces?): "
                    + (out == null ? "no output" : out.strip().lines().limit(3).reduce((a, b) -> a + " " + b).orElse("")),
                    root, null, null, prlimit, cgroups, jdk, List.of());
        }
        return s;
    }

    /** What a JVM printed when started in this sandbox with -version (the proof that it works here). */
    private static String startsJvm(Sandbox s) {
        return startsJvm(s, null);
    }

    /** As {@link #startsJvm(Sandbox)}, the JVM of the runtime {@code jdk} (null: the grader's JDK). */
    static String startsJvm(Sandbox s, Path jdk) {
        List<String> cmd = new Jail(s, false, jdk).command(List.of(JDK + "/bin/java", "-Xshare:auto", "-XX:CompressedClassSpaceSize=128m", "-version"),
                Limits.DEFAULT, false);
        try {
            return Processes.runQuietly(cmd, Path.of(System.getProperty("java.io.tmpdir")), 60);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static Path emptyFolder() {
        try {
            Path d = Files.createTempDirectory("socketlabs-sandbox-tmp-");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            return null;
        }
    }

    /** One sentence for the top of every report. */
    String describe(Limits limits) {
        if (!available()) {
            return "NOT SANDBOXED: " + missing + ". The code under test ran as the grader's user, with the grader's view"
                    + " of the files and the network; only the limits inside the JVM" + (prlimit != null ? " and prlimit's" : "")
                    + " applied. Do not trust these results for code you have not read.";
        }
        return "Sandboxed (bubblewrap): each test JVM ran " + (root ? "as an unprivileged uid of its own" : "as the grader's user")
                + " in its own PID, network (loopback only), IPC and UTS namespaces, with no /proc, a read-only view of the"
                + " JDK, the compiled classes and the jars, and its results on a descriptor the code under test cannot name;"
                + " kernel limits: " + kernelLimits(limits) + ".";
    }

    /** The limits the kernel enforces on one test JVM, as the report states them. */
    String kernelLimits(Limits limits) {
        List<String> out = new ArrayList<>();
        if (cgroups != null) {
            out.add("memory of the whole JVM " + memoryMegabytes(limits) + " MB (" + cgroups.name + ")");
            out.add("at most " + tasks(limits) + " processes and threads (" + cgroups.name + ")");
        }
        out.add("address space " + addressSpaceMegabytes(limits) + " MB");
        if (root) {
            out.add("at most " + tasks(limits) + " processes and threads for its uid");
        }
        out.add(OPEN_FILES + " open files");
        out.add("files of at most " + FILE_MEGABYTES + " MB");
        out.add("a writable /tmp of " + TMP_MEGABYTES + " MB" + (noexecTmp != null ? ", noexec" : ""));
        out.add("CPU time twice the JVM's wall clock (" + cpuSeconds(limits.classSeconds()) + " s for each test class it runs, at most "
                + cpuSeconds(limits.labSeconds()) + " s)");
        return String.join(", ", out);
    }

    static int memoryMegabytes(Limits limits) {
        return limits.heapMegabytes() + NON_HEAP_MEGABYTES;
    }

    /** Generous: a JVM reserves far more address space than it uses (a stack per thread, code cache, class space). */
    static int addressSpaceMegabytes(Limits limits) {
        return limits.heapMegabytes() + 768 + limits.maxThreads();
    }

    static int tasks(Limits limits) {
        return limits.maxThreads() + 64;
    }

    /** The CPU time of a JVM given {@code wallSeconds} of wall clock: both cores of a 2-core grader, the whole time. */
    static long cpuSeconds(long wallSeconds) {
        return 2 * wallSeconds;
    }

    private static Path portRangeFile() {
        try {
            Path f = Files.createTempFile("socketlabs-port-range-", ".txt");
            Files.writeString(f, "32768\t60999\n");
            f.toFile().setReadable(true, false);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            return null;
        }
    }

    /** Folders that bubblewrap would otherwise make private (0700), made readable to the sandbox's uid. */
    static void parents(String path, Set<String> made, List<String> cmd) {
        Path p = Path.of(path).getParent();
        List<String> chain = new ArrayList<>();
        for (; p != null && p.getParent() != null; p = p.getParent()) {
            chain.add(0, p.toString());
        }
        for (String d : chain) {
            if (made.add(d) && !Files.isSymbolicLink(Path.of(d))) {
                cmd.addAll(List.of("--perms", "0755", "--dir", d));
            }
        }
    }

    /** The folders outside the JDK that its absolute symbolic links point into (Debian's /etc/java-17-openjdk). */
    private static List<String> absoluteLinks(Path jdk) {
        Set<String> targets = new TreeSet<>();
        try (Stream<Path> all = Files.walk(jdk)) {
            all.filter(Files::isSymbolicLink).forEach(l -> {
                String t = readLink(l);
                if (t.startsWith("/") && !t.startsWith(jdk + "/") && Files.exists(Path.of(t))) {
                    targets.add(Path.of(t).getParent().toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            if (out.stream().noneMatch(o -> t.startsWith(o + "/"))) {
                out.add(t);
            }
        }
        return out;
    }

    static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static String idOfUser() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
