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
    private final List<Path> roots;
    private final Map<Path, String> expected;

    private Integrity(List<Path> roots) {
        this.roots = List.copyOf(roots);
        this.expected = hashAll(this.roots);
    }

    static Integrity of(List<Path> roots) {
        return new Integrity(roots);
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

    /** The files added, removed or changed since the snapshot; empty when all is as it was. */
    List<String> changes() {
        Map<Path, String> now = hashAll(roots);
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

    private static Map<Path, String> hashAll(List<Path> roots) {
        Map<Path, String> out = new TreeMap<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                out.put(root, hash(root));
            } else {
                for (Path f : Fs.files(root, "")) {
                    out.put(f, hash(f));
                }
            }
        }
        return out;
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
