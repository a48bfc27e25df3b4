package socketlabs.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labs of the course: the root pom's modules whose name starts with "lab". A lab's folder is
 * named {@code labNN-topic} and its code lives in package {@code socketlabs.labNN}; these two
 * conventions are all that every other part of the course needs to find a lab.
 */
public final class Labs {
    /** Where a solutions-build setting names the lab of the test being run. */
    public static final String LAB = "{lab}";
    static final Pattern NAME = Pattern.compile("lab\\d\\d-[a-z0-9-]+");

    private Labs() {
    }

    /** Every lab of the course at {@code root}, in the root pom's order; checked against the conventions. */
    public static List<String> of(Path root) {
        List<String> labs = new ArrayList<>();
        for (String module : Pom.read(root.resolve("pom.xml")).modules()) {
            if (!module.startsWith("lab")) {
                continue;
            }
            if (!NAME.matcher(module).matches()) {
                throw new IllegalStateException("pom.xml: the lab module \"" + module + "\" is not named labNN-topic"
                        + " (two digits, a dash, lower-case words): rename its folder and its <module> line, for"
                        + " example to lab05-dns.");
            }
            labs.add(module);
        }
        return labs;
    }

    /** The lab's package: lab01-ports keeps its code in {@code socketlabs.lab01}. */
    public static String packageOf(String lab) {
        return "socketlabs." + lab.substring(0, lab.indexOf('-'));
    }

    /** The lab's package as a folder under a source root: {@code socketlabs/lab01}. */
    public static String packageDir(String lab) {
        return packageOf(lab).replace('.', '/');
    }

    /** The lab whose package holds {@code className}, or null. */
    public static String labOfClass(Path root, String className) {
        for (String lab : of(root)) {
            if (className.startsWith(packageOf(lab) + ".")) {
                return lab;
            }
        }
        return null;
    }

    /** Folders at the root that look like a lab (a lab* folder with a pom.xml) but are not a module. */
    static List<String> unlisted(Path root) {
        List<String> labs = of(root);
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("lab") && Files.isRegularFile(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString()).filter(n -> !labs.contains(n)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
