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

/** One test JVM's sandbox: the paths bound into it, then its command. */
final class Jail implements AutoCloseable {
    /** The descriptor a sandboxed test JVM writes its events to (its standard output is only display text). */
    static final int EVENTS_FD = 3;
    private final Sandbox sandbox;
    private final Map<Path, String> binds = new LinkedHashMap<>();
    private final boolean rawSockets;
    private final Path jdk;
    private Cgroups.Group group;
    private int counter;

    /** @param rawSockets whether the JVM keeps CAP_NET_RAW (only where the grader runs as root) */
    Jail(Sandbox sandbox, boolean rawSockets) {
        this(sandbox, rawSockets, null);
    }

    /** As {@link #Jail(Sandbox, boolean)}, the JVM started from {@code jdk} (a {@link RuntimeImage}; null: the grader's JDK). */
    Jail(Sandbox sandbox, boolean rawSockets, Path jdk) {
        this.sandbox = sandbox;
        this.rawSockets = rawSockets;
        this.jdk = jdk;
    }

    /** Binds a file or folder read-only into the sandbox; returns its path there (the host path when unsandboxed). */
    String readOnly(Path host, String name) {
        if (!sandbox.available()) {
            return host.toString();
        }
        return binds.computeIfAbsent(host.toAbsolutePath().normalize(), h -> Sandbox.INSIDE + "/" + (counter++) + "-" + name);
    }

    /** The path of the JDK's java inside the sandbox. */
    String java() {
        if (sandbox.available()) {
            return Sandbox.JDK + "/bin/java";
        }
        return jdk != null ? RuntimeImage.java(jdk).toString() : Course.javaExecutable();
    }

    /**
     * The command that runs {@code javaCommand} (which starts with {@link #java()}) in this sandbox, under these limits,
     * for a JVM given {@code wallSeconds} of wall clock (its CPU time is bounded in proportion).
     */
    List<String> command(List<String> javaCommand, Limits limits, long wallSeconds) {
        return command(javaCommand, limits, sandbox.cgroups != null, wallSeconds);
    }

    List<String> command(List<String> javaCommand, Limits limits, boolean useCgroups) {
        return command(javaCommand, limits, useCgroups, limits.classSeconds());
    }

    List<String> command(List<String> javaCommand, Limits limits, boolean useCgroups, long wallSeconds) {
        List<String> cmd = new ArrayList<>();
        if (sandbox.available()) {
            // the results channel: descriptor 3 is the pipe the grader reads, and descriptor 1 joins standard error;
            // no Java code can name descriptor 3 (no /proc, no /dev/fd), only the runner, which java.io is opened to
            cmd.addAll(List.of("/bin/sh", "-c", "exec " + EVENTS_FD + ">&1 1>&2 && exec \"$@\"", "sh"));
        }
        if (useCgroups) {
            group = sandbox.cgroups.create(Sandbox.memoryMegabytes(limits), Sandbox.tasks(limits));
            if (group != null) {
                cmd.addAll(group.enter());
            }
        }
        if (sandbox.available() && sandbox.noexecTmp != null) {
            // a tmpfs mounted noexec in a mount namespace of this JVM's own (it ends with it), bound as /tmp below
            cmd.addAll(List.of(sandbox.unshare, "--mount", "--propagation", "private", "/bin/sh", "-c",
                    "mount -t tmpfs -o size=" + Sandbox.TMP_MEGABYTES + "m,mode=1777,noexec,nosuid,nodev tmpfs \"$1\" && shift"
                            + " && exec \"$@\"", "sh", sandbox.noexecTmp.toString()));
        }
        if (sandbox.prlimit != null) {
            cmd.addAll(List.of(sandbox.prlimit, "--as=" + Sandbox.addressSpaceMegabytes(limits) * 1024L * 1024L,
                    "--nofile=" + Sandbox.OPEN_FILES, "--fsize=" + Sandbox.FILE_MEGABYTES * 1024L * 1024L, "--cpu=" + Sandbox.cpuSeconds(wallSeconds),
                    "--core=0"));
            if (sandbox.root && sandbox.available()) {
                // counted per uid, and each JVM has a uid of its own
                cmd.add("--nproc=" + Sandbox.tasks(limits));
            }
            cmd.add("--");
        }
        if (!sandbox.available()) {
            cmd.addAll(javaCommand);
            return cmd;
        }
        cmd.addAll(List.of(sandbox.bwrap, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                "--unshare-cgroup-try", "--hostname", "grader", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "LD_LIBRARY_PATH", Sandbox.JDK + "/lib:" + Sandbox.JDK + "/lib/server", "--setenv", "MALLOC_ARENA_MAX", "2",
                "--setenv", "HOME", Sandbox.TMP, "--setenv", "LANG", "C.UTF-8"));
        if (!sandbox.root) {
            cmd.add("--unshare-user");
        }
        Set<String> dirs = new TreeSet<>();
        for (String d : Sandbox.LIBRARY_DIRS) {
            Path p = Path.of(d);
            if (Files.isSymbolicLink(p)) {
                cmd.addAll(List.of("--symlink", Sandbox.readLink(p), d));
            } else if (Files.isDirectory(p)) {
                Sandbox.parents(d, dirs, cmd);
                cmd.addAll(List.of("--ro-bind", d, d));
            }
        }
        // the JDK, with java the only program in its bin (no jcmd, jhsdb or jshell)
        Sandbox.parents(Sandbox.JDK + "/x", dirs, cmd);
        Path runtime = jdk != null ? jdk : sandbox.jdk;
        cmd.addAll(List.of("--ro-bind", runtime.toString(), Sandbox.JDK, "--tmpfs", Sandbox.JDK + "/bin",
                "--ro-bind", runtime.resolve("bin/java").toString(), Sandbox.JDK + "/bin/java", "--remount-ro", Sandbox.JDK + "/bin"));
        // no /proc, but the one value a lab reads there, as the JVM's own new network namespace has it
        if (Sandbox.PORT_RANGE != null) {
            Sandbox.parents(Sandbox.PORT_RANGE_PATH, dirs, cmd);
            cmd.addAll(List.of("--ro-bind", Sandbox.PORT_RANGE.toString(), Sandbox.PORT_RANGE_PATH));
        }
        if (Files.isRegularFile(Path.of("/etc/services"))) {
            Sandbox.parents("/etc/services", dirs, cmd);
            cmd.addAll(List.of("--ro-bind", "/etc/services", "/etc/services"));
        }
        for (String target : sandbox.jdkLinks) {
            Sandbox.parents(target, dirs, cmd);
            cmd.addAll(List.of("--ro-bind", target, target));
        }
        cmd.addAll(List.of("--dev", "/dev"));
        if (sandbox.noexecTmp != null) {
            cmd.addAll(List.of("--bind", sandbox.noexecTmp.toString(), Sandbox.TMP));
        } else {
            cmd.addAll(List.of("--perms", "1777", "--size", String.valueOf(Sandbox.TMP_MEGABYTES * 1024L * 1024L), "--tmpfs", Sandbox.TMP));
        }
        Sandbox.parents(Sandbox.INSIDE + "/x", dirs, cmd);
        for (Map.Entry<Path, String> b : binds.entrySet()) {
            cmd.addAll(List.of("--ro-bind", b.getKey().toString(), b.getValue()));
        }
        cmd.addAll(List.of("--chdir", Sandbox.TMP));
        if (sandbox.root) {
            int uid = Sandbox.FIRST_UID + (int) (ProcessHandle.current().pid() % 1000) * 1000 + Sandbox.NEXT.getAndIncrement() % 1000;
            String caps = rawSockets ? "-all,+net_raw" : "-all";
            cmd.addAll(List.of("--cap-add", rawSockets ? "CAP_SETUID,CAP_SETGID,CAP_NET_RAW" : "CAP_SETUID,CAP_SETGID"));
            Sandbox.parents("/usr/bin/x", dirs, cmd);
            cmd.addAll(List.of("--ro-bind", sandbox.setpriv, "/usr/bin/setpriv", "--", "/usr/bin/setpriv",
                    "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--no-new-privs",
                    "--inh-caps=" + caps, "--bounding-set=" + caps));
            if (rawSockets) {
                cmd.add("--ambient-caps=" + caps);
            }
        }
        cmd.add("--");
        cmd.addAll(javaCommand);
        return cmd;
    }

    /** Whether the kernel's memory limit was reached while the JVM ran (false when no cgroup was made). */
    boolean memoryLimitHit() {
        return group != null && group.memoryLimitHit();
    }

    @Override
    public void close() {
        if (group != null) {
            group.remove();
        }
    }
}
