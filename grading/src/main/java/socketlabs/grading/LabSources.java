package socketlabs.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.file.StandardDeleteOption;

/**
 * The first step of the solutions build: checks that every lab keeps the course's conventions and
 * gathers every lab's provided code, tests, hidden tests and test resources into one folder each,
 * which the solutions build compiles against the reference code. A lab is found from the root
 * pom's module list alone, so adding a lab needs no edit in solutions/pom.xml.
 *
 * <pre>
 * LabSources COURSE_ROOT OUT      writes OUT/provided, OUT/test, OUT/hidden, OUT/test-resources
 * </pre>
 */
public final class LabSources {
    /** Source folders of a lab and where their files go, in the same order. */
    private static final List<String> FROM = List.of("src/provided/java", "src/test/java", "src/hidden/java", "src/test/resources");
    private static final List<String> TO = List.of("provided", "test", "hidden", "test-resources");
    private static final List<String> JAVA_ROOTS = List.of("src/main/java", "src/provided/java", "src/test/java", "src/hidden/java");

    private LabSources() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LabSources COURSE_ROOT OUT");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> problems = problems(root);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The labs break the course's conventions:\n  - " + String.join("\n  - ", problems));
        }
        if (Files.exists(out)) {
            PathUtils.deleteDirectory(out, StandardDeleteOption.OVERRIDE_READ_ONLY); // a file deleted in a lab must not linger
        }
        for (int i = 0; i < TO.size(); i++) {
            Files.createDirectories(out.resolve(TO.get(i)));
            for (String lab : Labs.of(root)) {
                Path from = root.resolve(lab).resolve(FROM.get(i));
                if (Files.isDirectory(from)) {
                    PathUtils.copyDirectory(from, out.resolve(TO.get(i)));
                }
            }
        }
    }

    /** Each way the labs break a convention, with how to fix it; empty when they keep them all. */
    static List<String> problems(Path root) {
        List<String> problems = new ArrayList<>();
        for (String folder : Labs.unlisted(root)) {
            problems.add(folder + "/ has a pom.xml but is no module of pom.xml: add <module>" + folder
                    + "</module> to the <modules> of pom.xml (or rename the folder if it is no lab)");
        }
        for (String lab : Labs.of(root)) {
            if (!Files.isRegularFile(root.resolve(lab).resolve("pom.xml"))) {
                problems.add(lab + ": pom.xml lists this lab, but " + lab + "/pom.xml does not exist");
                continue;
            }
            String dir = Labs.packageDir(lab);
            for (String sourceRoot : JAVA_ROOTS) {
                Path base = root.resolve(lab).resolve(sourceRoot);
                for (Path f : javaFiles(base)) {
                    String rel = base.relativize(f).toString().replace('\\', '/');
                    if (!rel.startsWith(dir + "/")) {
                        problems.add(lab + "/" + sourceRoot + "/" + rel + ": the code of " + lab + " lives in package "
                                + Labs.packageOf(lab) + " (folder " + dir + "): move the file there and fix its package line");
                    }
                }
            }
        }
        return problems;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
