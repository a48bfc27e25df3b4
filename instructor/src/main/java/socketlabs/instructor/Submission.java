package socketlabs.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A student's hand-in: a folder, a zip, or a git bundle ({@code git bundle create alice.bundle --all}).
 * Zips are unpacked by the JDK; a bundle needs git, the one tool besides the JDK and Maven that
 * the grader may call, and only for bundles.
 */
final class Submission {
    private static final long MAX_UNPACKED = 200L << 20;
    private static final int MAX_ENTRIES = 20_000;
    private static final Set<String> SKIP = Set.of("target", ".git", "node_modules", ".idea", ".mvn");

    private Submission() {
    }

    static boolean isSubmission(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && (Files.isDirectory(p) || n.endsWith(".zip") || n.endsWith(".bundle"));
    }

    /** The student's name: the file or folder name without its extension. */
    static String studentOf(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".zip") ? n.substring(0, n.length() - 4) : n.endsWith(".bundle") ? n.substring(0, n.length() - 7) : n;
    }

    /** A folder holding the submission's files: the folder itself, or {@code scratch} after unpacking. */
    static Path open(Path input, Path scratch) {
        if (Files.isDirectory(input)) {
            return input;
        }
        String name = input.getFileName().toString();
        Fs.deleteTree(scratch);
        if (name.endsWith(".zip")) {
            unzip(input, scratch);
            return scratch;
        }
        if (name.endsWith(".bundle")) {
            String out = Processes.runQuietly(List.of("git", "clone", "--quiet", input.toAbsolutePath().toString(),
                    scratch.toAbsolutePath().toString()), input.toAbsolutePath().getParent(), 120);
            if (!Files.isDirectory(scratch)) {
                throw new IllegalArgumentException("cannot unpack the git bundle " + input + " (is git installed?): " + out);
            }
            return scratch;
        }
        throw new IllegalArgumentException("a submission is a folder, a .zip or a .bundle: " + input);
    }

    /** The lab's folder in a submission: the shallowest folder named like the lab (a zip may add a top folder). */
    static Path findLab(Path submission, String lab) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(submission, 4)) {
            s.filter(Files::isDirectory)
                    .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(lab))
                    .filter(p -> {
                        for (Path part : submission.relativize(p)) {
                            if (SKIP.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().min(Comparator.comparingInt(Path::getNameCount)).orElse(null);
    }

    private static void unzip(Path zip, Path to) {
        long total = 0;
        int entries = 0;
        Path root = to.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new IllegalArgumentException(zip + ": more than " + MAX_ENTRIES + " files");
                }
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    continue; // "../" in a name: never written outside the folder
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    total += copyBounded(in, out, MAX_UNPACKED - total);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + zip, e);
        }
    }

    private static long copyBounded(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buf = new byte[65536];
        long n = 0;
        for (int r; (r = in.read(buf)) != -1; ) {
            n += r;
            if (n > budget) {
                throw new IllegalArgumentException("the zip unpacks to more than " + (MAX_UNPACKED >> 20) + " MB");
            }
            out.write(buf, 0, r);
        }
        return n;
    }

    static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Submission::isSubmission).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
