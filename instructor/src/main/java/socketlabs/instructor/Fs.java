package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.file.StandardDeleteOption;

/** The few file operations the toolkit needs, with unchecked errors; trees are commons-io's. */
final class Fs {
    private Fs() {
    }

    /** Copies a tree, skipping every path (relative to {@code from}) that {@code skip} accepts; nothing if absent. */
    static void copyTree(Path from, Path to, Predicate<Path> skip) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try {
            FileUtils.copyDirectory(from.toFile(), to.toFile(), f -> !skip.test(from.relativize(f.toPath())), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    static void copyTree(Path from, Path to) {
        copyTree(from, to, p -> false);
    }

    /** Deletes a tree, read-only files too; nothing if absent. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            PathUtils.deleteDirectory(dir, StandardDeleteOption.OVERRIDE_READ_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Regular files under {@code dir} whose name ends with {@code suffix}, sorted; none if it is absent. */
    static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes a file whole: it appears with its full text or not at all. */
    static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of a file, or the largest long when it cannot be read. */
    static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code file} relative to {@code base}, with forward slashes on every system. */
    static String rel(Path base, Path file) {
        return base.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
