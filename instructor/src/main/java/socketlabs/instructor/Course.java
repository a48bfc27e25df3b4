package socketlabs.instructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import socketlabs.grading.Labs;
import socketlabs.grading.Pom;

/**
 * The instructor's copy of the course: its root, its labs (the root pom's modules named lab*, see
 * {@link Labs}), and the settings grading takes from it.
 */
final class Course {
    private static final Pattern MODULES_BLOCK = Pattern.compile("(?s)(\\s*)<modules>.*?</modules>");
    // the profiles that only the instructor's copy needs: the starter check, and solutions + toolkit
    private static final Pattern INSTRUCTOR_PROFILE = Pattern.compile(
            "(?s)\\s*<profile>(?:(?!</profile>).)*?<id>(instructor|solutions)</id>.*?</profile>");
    private static final String TIMEOUT_PROPERTIES = "grading/src/main/resources/junit-platform.properties";

    final Path root;

    Course(Path root) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.root.resolve("pom.xml"))) {
            throw new IllegalArgumentException("not the course's root folder (no pom.xml): " + this.root);
        }
    }

    /** The course around the current folder, or the one named by -Dsocketlabs.root. */
    static Course find() {
        String given = System.getProperty("socketlabs.root");
        if (given != null) {
            return new Course(Path.of(given));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("grading")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return new Course(p);
            }
        }
        throw new IllegalArgumentException("run this from inside the course (the folder with pom.xml and grading/)");
    }

    String pom() {
        return Fs.read(root.resolve("pom.xml"));
    }

    /** Every lab of the course, in the root pom's order. */
    List<String> labs() {
        return Labs.of(root);
    }

    /** The chosen labs ("lab01-ports,lab02-tcp", or a prefix such as "lab01"), or every lab when null. */
    List<String> labs(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return labs();
        }
        List<String> out = new ArrayList<>();
        for (String want : chosen.split(",")) {
            String w = want.trim();
            List<String> match = labs().stream().filter(l -> l.equals(w) || l.startsWith(w + "-")).collect(Collectors.toList());
            if (match.size() != 1) {
                throw new IllegalArgumentException("no single lab named " + w + "; the labs are " + labs());
            }
            out.add(match.get(0));
        }
        return out;
    }

    Path lab(String lab) {
        return root.resolve(lab);
    }

    /** The Java release the course compiles for (the root pom's maven.compiler.release). */
    String release() {
        String release = Pom.read(root.resolve("pom.xml")).property("maven.compiler.release");
        return release == null ? "17" : release;
    }

    /** The labs' default time limit for one test (grading's junit-platform.properties), or null. */
    String defaultTestTimeout() {
        Path file = root.resolve(TIMEOUT_PROPERTIES);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("junit.jupiter.execution.timeout.default");
    }

    /** The root pom with only these modules and without the instructor's profiles. */
    static String rewritePom(String pom, List<String> modules) {
        String list = modules.stream().map(m -> "    <module>" + m + "</module>").collect(Collectors.joining("\n"));
        Matcher block = MODULES_BLOCK.matcher(pom);
        if (!block.find()) {
            throw new IllegalArgumentException("the root pom has no <modules>");
        }
        String out = pom.substring(0, block.start()) + block.group(1) + "<modules>\n" + list + "\n  </modules>"
                + pom.substring(block.end());
        out = INSTRUCTOR_PROFILE.matcher(out).replaceAll("");
        return out.replaceAll("(?s)\\s*<profiles>\\s*</profiles>", "");
    }

    /** Where this toolkit's own classes are (they go on every grading test JVM's classpath for TestRunner). */
    static Path toolkitClasses() {
        try {
            return Path.of(Course.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
