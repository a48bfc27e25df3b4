package socketlabs.instructor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small generated submissions for lab01-ports, each a named misbehaviour: a Ports class whose
 * classify and isValid bodies are given. The course is the instructor's own copy (the project
 * root), prepared once for all the toolkit's tests.
 */
final class Fixtures {
    static final String LAB = "lab01-ports";
    // short limits keep the tests fast; a hang still has to be cut by each of them
    static final Limits LIMITS = new Limits("1 s", 5, 12, 128, 200);
    private static Grader grader;

    private Fixtures() {
    }

    static Course course() {
        return new Course(Path.of("..").toAbsolutePath().normalize());
    }

    /** The course prepared once (one Maven run) for every test of this JVM. */
    static synchronized Grader grader() {
        if (grader == null) {
            grader = Grader.prepare(course(), List.of(LAB), LIMITS);
        }
        return grader;
    }

    static final String SOLUTION_CLASSIFY = """
            if (!isValid(port)) {
                throw new IllegalArgumentException("port " + port + " is outside 0-65535");
            }
            return port <= 1023 ? PortRange.WELL_KNOWN : port <= 49151 ? PortRange.REGISTERED : PortRange.DYNAMIC;
            """;
    static final String SOLUTION_IS_VALID = "return port >= 0 && port <= 65535;";

    /** A submission folder holding lab01-ports/src/main/java/socketlabs/lab01/Ports.java with these bodies. */
    static Path ports(Path dir, String classify, String isValid, String extraMembers) {
        String source = "package socketlabs.lab01;\n\n"
                + "public final class Ports {\n"
                + "    public static final int MIN_PORT = 0;\n"
                + "    public static final int MAX_PORT = 65535;\n\n"
                + "    private Ports() {\n    }\n\n"
                + "    public static PortRange classify(int port) {\n" + classify + "\n    }\n\n"
                + "    public static boolean isValid(int port) {\n" + isValid + "\n    }\n"
                + extraMembers + "\n}\n";
        write(dir.resolve(LAB).resolve("src/main/java/socketlabs/lab01/Ports.java"), source);
        return dir;
    }

    static Path starter(Path dir) {
        Fs.copyTree(course().lab(LAB).resolve("src/main/java"), dir.resolve(LAB).resolve("src/main/java"));
        return dir;
    }

    static void write(Path file, String text) {
        Fs.write(file, text);
    }

    /** Packs a folder as a zip with one top folder, as students' zips often are. */
    static Path zip(Path folder, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path f : Fs.files(folder, "")) {
                out.putNextEntry(new ZipEntry("my-work/" + folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Packs a folder as a git bundle; null when git is not installed. */
    static Path bundle(Path folder, Path bundle) {
        try {
            for (List<String> cmd : List.of(List.of("git", "init", "-q"), List.of("git", "add", "-A"),
                    List.of("git", "-c", "user.name=s", "-c", "user.email=s@example.org", "commit", "-qm", "work"),
                    List.of("git", "bundle", "create", "-q", bundle.toString(), "--all"))) {
                Process p = new ProcessBuilder(cmd).directory(folder.toFile()).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    return null;
                }
            }
            return bundle;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
