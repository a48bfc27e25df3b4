package socketlabs.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fingerprints of files the grader trusts (the course's sources, its compiled grading code, the
 * test classpath's jars, a submission's compiled tests). Student code runs as the same user as the
 * grader, so it could rewrite them for a later JVM; the grader checks them before each one.
 */
final class Integrity {
    /**
     * A file whose change time is this close to the moment it was hashed is hashed again at every check: the
     * kernel's clock for change times is coarse, so a write within the same tick could leave the time as it was.
     */
    private static final long RACY_NANOS = 2_000_000_000L;
    private final List<Path> roots;
    private final Map<Path, String> expected;
    private final Map<Path, Stat> seen = new java.util.HashMap<>();
    private final java.util.function.LongSupplier clock;
    /** Hashes of this process's earlier snapshots and fingerprints (and of a memo read), by file and trusted status. */
    private static final Map<String, String> RECENT = new java.util.concurrent.ConcurrentHashMap<>();

    private Integrity(List<Path> roots, java.util.function.LongSupplier clock, Path memo) {
        this.roots = List.copyOf(roots);
        this.clock = clock;
        Map<String, String> known = memo == null ? Map.of() : readMemo(memo);
        RECENT.putAll(known);
        this.expected = new TreeMap<>();
        Map<String, String> kept = new TreeMap<>();
        for (Path f : filesOf(this.roots)) {
            Stat stat = Stat.of(f, clock);
            seen.put(f, stat);
            String hash = hash(f, stat);
            expected.put(f, hash);
            if (stat.trusted()) {
                kept.put(f + "\0" + stat.describe(), hash);
            }
        }
        if (memo != null && !kept.equals(known)) {
            Fs.write(memo, socketlabs.grading.Json.write(kept));
        }
    }

    /** Takes the hashes a memo kept (see {@link #of(List, Path)}) for this process's fingerprints. */
    static void remember(Path memo) {
        RECENT.putAll(readMemo(memo));
    }

    /** A file's hash: from an earlier hash of the file with the same trusted status, or hashed now. */
    private static String hash(Path f, Stat stat) {
        if (!stat.trusted()) {
            return hash(f);
        }
        return RECENT.computeIfAbsent(f + "\0" + stat.describe(), k -> hash(f));
    }

    /** The hashes of an earlier run, by file and status; empty when there are none or they cannot be read. */
    private static Map<String, String> readMemo(Path memo) {
        try {
            if (Files.isRegularFile(memo) && socketlabs.grading.Json.parse(Fs.read(memo)) instanceof Map<?, ?> m) {
                Map<String, String> out = new TreeMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
                return out;
            }
        } catch (RuntimeException e) {
            // hashed afresh
        }
        return Map.of();
    }

    static Integrity of(List<Path> roots) {
        return new Integrity(roots, Integrity::now, null);
    }

    /** As {@link #of(List)}, with the time now (nanoseconds since the epoch) from {@code clock}. */
    static Integrity of(List<Path> roots, java.util.function.LongSupplier clock) {
        return new Integrity(roots, clock, null);
    }

    /**
     * As {@link #of(List)}, taking the hash of a file from {@code memo} (written by an earlier snapshot) when the file's
     * status is the one it had then, and keeping the hashes there for the next. The same argument as for
     * {@link #changes()} holds: a file cannot change without its status changing. The snapshot only ever checks
     * for changes after it; what the files hold when it is taken is the grader's to trust, memo or not.
     */
    static Integrity of(List<Path> roots, Path memo) {
        return new Integrity(roots, Integrity::now, memo);
    }

    private static long now() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /** One fingerprint of every file under {@code roots} (their paths and contents): equal only when none changed. */
    static String fingerprint(List<Path> roots) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            hashAll(roots).forEach((path, hash) -> md.update((path + "\0" + hash + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One fingerprint of the contents of {@code roots}: each file's path within its root (not where the root is) and
     * its contents. Equal for two copies of the same files in different places.
     */
    static String contentFingerprint(List<Path> roots) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < roots.size(); i++) {
                Path root = roots.get(i);
                for (Path f : filesOf(List.of(root))) {
                    String rel = f.equals(root) ? "" : root.relativize(f).toString().replace('\\', '/');
                    md.update((i + ":" + rel + "\0" + hash(f, Stat.of(f, Integrity::now)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The files added, removed or changed since the snapshot; empty when all is as it was. A file is hashed again
     * only when its status changed: its size, its modification time, its inode or its change time. The change time
     * is the kernel's to set (no call of an unprivileged process sets it), and every write or replacement moves it,
     * so code that rewrites a file, even keeping its size and modification time, is caught. Where the file system
     * shows no change time, it is hashed every time. A file that changed just before it was hashed (one the grader
     * had just built) is hashed again at each check until a check finds it as it was, with a change time long
     * enough ago: the status taken before that hash stands for it from then on.
     */
    List<String> changes() {
        Map<Path, String> now = new TreeMap<>();
        for (Path f : filesOf(roots)) {
            Stat before = seen.get(f);
            Stat stat = Stat.of(f, clock);
            if (before != null && before.trusted() && before.equals(stat)) {
                now.put(f, expected.get(f));
                continue;
            }
            String hash = hash(f);
            now.put(f, hash);
            if (before != null && !before.trusted() && stat.trusted() && hash.equals(expected.get(f))) {
                // taken before the hash, and old: a write since would have moved it
                seen.put(f, stat);
            }
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            if (!Objects.equals(e.getValue(), now.get(e.getKey()))) {
                changed.add(e.getKey().toString());
            }
        }
        for (Path added : now.keySet()) {
            if (!expected.containsKey(added)) {
                changed.add(added + " (added)");
            }
        }
        return changed;
    }

    private static List<Path> filesOf(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                out.add(root);
            } else {
                out.addAll(Fs.files(root, ""));
            }
        }
        return out;
    }

    /** Every file's hash (from an earlier hash where its status shows it unchanged since). */
    private static Map<Path, String> hashAll(List<Path> roots) {
        Map<Path, String> out = new TreeMap<>();
        for (Path f : filesOf(roots)) {
            out.put(f, hash(f, Stat.of(f, Integrity::now)));
        }
        return out;
    }

    /** A file's status as the kernel keeps it; {@link #trusted} only where it has a change time long enough ago. */
    private record Stat(long size, Object modified, Object changed, Object inode, boolean trusted) {
        String describe() {
            return size + " " + modified + " " + changed + " " + inode;
        }

        static Stat of(Path f, java.util.function.LongSupplier clock) {
            try {
                Map<String, Object> a = Files.readAttributes(f, "unix:size,lastModifiedTime,ctime,ino", java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Object ctime = a.get("ctime");
                boolean old = ctime instanceof java.nio.file.attribute.FileTime t
                        && t.to(java.util.concurrent.TimeUnit.NANOSECONDS) < clock.getAsLong() - RACY_NANOS;
                return new Stat(((Number) a.get("size")).longValue(), a.get("lastModifiedTime"), ctime, a.get("ino"), old);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view (another system), or the file went: hashed every time
                return new Stat(-1, null, null, null, false);
            }
        }
    }

    private static String hash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) != -1; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
