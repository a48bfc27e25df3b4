package socketlabs.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kernel limits on a whole test JVM, all of its threads and everything it starts: memory and the
 * number of tasks (processes and threads), through cgroups v2 ({@code memory.max}, {@code pids.max})
 * or v1 ({@code memory.limit_in_bytes}, {@code pids.max}). Only where the grader may make cgroups
 * (root, a writable hierarchy); elsewhere prlimit's limits are the kernel's guard.
 */
final class Cgroups {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final AtomicInteger NEXT = new AtomicInteger();

    final String name;
    private final Path memory;
    private final Path pids;
    private final boolean v2;

    private Cgroups(String name, Path memory, Path pids, boolean v2) {
        this.name = name;
        this.memory = memory;
        this.pids = pids;
        this.v2 = v2;
    }

    /** The cgroups the grader can make here, or null. */
    static Cgroups detect() {
        try {
            List<String> own = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
            if (Files.isRegularFile(ROOT.resolve("cgroup.controllers"))) {
                // v2: a child of our own group cannot hold processes while ours does, so use a sibling folder under our parent
                String path = own.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst().orElse("/");
                Path parent = ROOT.resolve(path.substring(1)).getParent();
                return works(new Cgroups("cgroup v2", parent, parent, true));
            }
            Path memory = v1(own, "memory");
            Path pids = v1(own, "pids");
            return memory == null || pids == null ? null : works(new Cgroups("cgroup v1", memory, pids, false));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Path v1(List<String> own, String controller) {
        for (String line : own) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && List.of(f[1].split(",")).contains(controller)) {
                Path p = ROOT.resolve(controller).resolve(f[2].substring(1));
                return Files.isDirectory(p) ? p : null;
            }
        }
        return null;
    }

    private static Cgroups works(Cgroups c) {
        Group g = c.create(64, 64);
        if (g == null) {
            return null;
        }
        g.remove();
        return c;
    }

    /** A new group with these limits, or null if the kernel refused one. */
    Group create(int memoryMegabytes, int tasks) {
        String leaf = "socketlabs-" + ProcessHandle.current().pid() + "-" + NEXT.getAndIncrement();
        Path mem = memory.resolve(leaf);
        Path pid = pids.resolve(leaf);
        try {
            Files.createDirectory(mem);
            if (!pid.equals(mem)) {
                Files.createDirectory(pid);
            }
            long bytes = memoryMegabytes * 1024L * 1024L;
            if (v2) {
                write(mem.resolve("memory.max"), String.valueOf(bytes));
                write(mem.resolve("memory.swap.max"), "0");
            } else {
                write(mem.resolve("memory.limit_in_bytes"), String.valueOf(bytes));
            }
            write(pid.resolve("pids.max"), String.valueOf(tasks));
            return new Group(mem, pid);
        } catch (IOException | RuntimeException e) {
            new Group(mem, pid).remove();
            return null;
        }
    }

    private static void write(Path file, String value) throws IOException {
        if (Files.exists(file)) {
            Files.writeString(file, value);
        } else if (!file.getFileName().toString().contains("swap")) {
            throw new IOException("no " + file);
        }
    }

    /** One test JVM's group: the JVM joins it before it starts, so nothing it does escapes the limits. */
    final class Group {
        private final Path mem;
        private final Path pid;

        private Group(Path mem, Path pid) {
            this.mem = mem;
            this.pid = pid;
        }

        /** A command prefix that moves itself into this group, then runs the rest of the command. */
        List<String> enter() {
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                    "echo $$ > \"$1\" && echo $$ > \"$2\" && shift 2 && exec \"$@\"", "sh",
                    mem.resolve("cgroup.procs").toString(), pid.resolve("cgroup.procs").toString()));
            return cmd;
        }

        boolean memoryLimitHit() {
            try {
                if (v2) {
                    String events = Files.readString(mem.resolve("memory.events"));
                    return events.lines().anyMatch(l -> l.matches("(oom|oom_kill|max) [1-9][0-9]*"));
                }
                return Long.parseLong(Files.readString(mem.resolve("memory.failcnt")).trim()) > 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** Removes the group once its processes are gone (they are: the JVM's PID namespace ended with it). */
        void remove() {
            for (Path p : pid.equals(mem) ? List.of(mem) : List.of(mem, pid)) {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (Files.exists(p) && System.nanoTime() < deadline) {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // its last process is still being reaped
                    }
                }
            }
        }
    }
}
