package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's check of the files it trusts, against code that rewrites one and covers its tracks. The
 * check hashes a file again only when the kernel's status of it changed; these attacks keep everything
 * else of that status (size, modification time) as it was. The check runs as if the files had been
 * hashed long ago (a clock ten seconds ahead), so that the shortcut is taken wherever it can be.
 */
class IntegrityTest {
    private static final long AHEAD = 10_000_000_000L;

    @TempDir
    Path tmp;

    private Integrity snapshot(Path root) {
        return Integrity.of(List.of(root), () -> System.currentTimeMillis() * 1_000_000L + AHEAD);
    }

    /** Until the kernel's clock for change times has moved past {@code f}'s: an attack comes after the snapshot. */
    private void afterItsChangeTime(Path f) throws IOException {
        Object before = Files.getAttribute(f, "unix:ctime");
        Path probe = tmp.resolve("probe");
        long giveUp = System.nanoTime() + 5_000_000_000L;
        do {
            Files.writeString(probe, "tick");
        } while (Files.getAttribute(probe, "unix:ctime").equals(before) && System.nanoTime() < giveUp);
        Files.delete(probe);
    }

    /** Overwrites bytes of {@code f} where they are, then sets its modification time back: its size and time as they were. */
    private static void rewriteInPlace(Path f, long at, String text, FileTime modified) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(at);
            raf.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        Files.setLastModifiedTime(f, modified);
    }

    @Test
    void nothingChangedIsNothingChanged() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        Files.writeString(dir.resolve("A.class"), "compiled grading code");
        Integrity check = snapshot(dir);
        assertEquals(List.of(), check.changes());
        assertEquals(List.of(), check.changes());
    }

    @Test
    void aRewriteInPlaceThatKeepsSizeAndTimeIsCaught() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        Path f = dir.resolve("Runner.class");
        Files.writeString(f, "the grader's runner, as built");
        FileTime modified = Files.getLastModifiedTime(f);
        Integrity check = snapshot(dir);
        afterItsChangeTime(f);
        rewriteInPlace(f, 4, "forger", modified);
        assertEquals(Files.size(f), "the grader's runner, as built".length());
        assertEquals(List.of(f.toString()), check.changes());
    }

    @Test
    void aFileHashedJustAfterItWasWrittenIsStillWatchedOnceItAges() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        Path f = dir.resolve("classes.jsa");
        Files.writeString(f, "an archive the grader has just built");
        FileTime modified = Files.getLastModifiedTime(f);
        java.util.concurrent.atomic.AtomicLong ahead = new java.util.concurrent.atomic.AtomicLong();
        // at the snapshot the file is seconds old at most: too recent to be known by its status
        Integrity check = Integrity.of(List.of(dir), () -> System.currentTimeMillis() * 1_000_000L + ahead.get());
        ahead.set(AHEAD);
        assertEquals(List.of(), check.changes(), "hashed again, as it was");
        afterItsChangeTime(f);
        rewriteInPlace(f, 3, "forged!", modified);
        assertEquals(List.of(f.toString()), check.changes());
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsCaught() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        Path f = dir.resolve("Points.class");
        Files.writeString(f, "points: 1");
        FileTime modified = Files.getLastModifiedTime(f);
        Integrity check = snapshot(dir);
        Path forged = tmp.resolve("forged");
        Files.writeString(forged, "points: 9");
        Files.setLastModifiedTime(forged, modified);
        Files.move(forged, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(List.of(f.toString()), check.changes());
    }

    @Test
    void anAddedOrRemovedFileIsCaught() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        Files.writeString(dir.resolve("A.class"), "a");
        Files.writeString(dir.resolve("B.class"), "b");
        Integrity check = snapshot(dir);
        Files.delete(dir.resolve("B.class"));
        Files.writeString(dir.resolve("C.class"), "c");
        List<String> changed = check.changes();
        assertTrue(changed.contains(dir.resolve("B.class").toString()), changed.toString());
        assertTrue(changed.contains(dir.resolve("C.class") + " (added)"), changed.toString());
    }

    @Test
    void theFingerprintFollowsContentsAndNames() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("course"));
        Files.writeString(dir.resolve("A.java"), "class A {}");
        String first = Integrity.fingerprint(List.of(dir));
        assertEquals(first, Integrity.fingerprint(List.of(dir)));
        Files.writeString(dir.resolve("A.java"), "class A { }");
        String edited = Integrity.fingerprint(List.of(dir));
        assertTrue(!edited.equals(first), "an edit left the fingerprint as it was");
        Files.move(dir.resolve("A.java"), dir.resolve("B.java"));
        assertTrue(!Integrity.fingerprint(List.of(dir)).equals(edited), "a rename left the fingerprint as it was");
    }
}
