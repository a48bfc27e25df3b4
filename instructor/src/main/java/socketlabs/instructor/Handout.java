package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the student handout: the parent build (only grading and the chosen labs, no instructor
 * profile), {@code grading}, each chosen lab without {@code src/hidden}, the Maven wrapper, a
 * student README and a GitHub Actions workflow that grades every push. Then it checks its own
 * output: no solutions, no hidden tests, no line of solution code anywhere.
 *
 * <pre>
 * tools/handout OUT [--labs lab01,lab02] [--lang en|ko] [--force]
 * </pre>
 * With {@code --lang ko} the students' text is Korean: the root README (the English one beside it
 * as README.en.md, each lab's list entry pointing to its README.ko.md), and the score table and the
 * CI summary, whose words the handout's {@code .mvn/maven.config} and workflow set to Korean.
 */
public final class Handout {
    // the parts of a lab that never leave the instructor's copy: its instructor-only files live in instructor/
    private static final Set<String> LAB_SKIP = Set.of("target", "src/hidden", "instructor");
    // a guide's passage for instructors only (it runs solutions/, benchmarks, names the hidden tests):
    // from a line starting with the first marker to a line starting with the second, left out of a handout
    static final String INSTRUCTOR_ONLY = "<!-- instructor-only";
    static final String INSTRUCTOR_ONLY_END = "<!-- /instructor-only -->";
    // what in a handout's guides and scripts works only in the instructor's copy
    private static final java.util.regex.Pattern INSTRUCTOR_MATERIAL = java.util.regex.Pattern.compile(
            "solutions/target|-pl solutions|src/hidden|-Pbench|" + java.util.regex.Pattern.quote(INSTRUCTOR_ONLY));
    // the labs' graded tests run in failsafe (the parent pom says why): its failure list would repeat every
    // message the table prints, and surefire's "Tests are skipped." (its run is off in a lab) would mislead
    static final String STUDENT_JVM_CONFIG = "-Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.failsafe.IntegrationTestMojo=off\n"
            + "-Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire.SurefireMojo=off\n";
    private static final int MIN_LEAK_LINE = 16;
    private static final int LEAK_RUN = 3;
    /** The languages a handout's student text comes in; the first is the default. */
    static final List<String> LANGUAGES = List.of("en", "ko");

    private Handout() {
    }

    public static void main(String[] args) throws Exception {
        Options.main(args, Handout::run);
    }

    private static void run(String[] args) throws Exception {
        Options o = new Options(args, Set.of("labs", "lang"), Set.of("force"));
        if (o.positional.size() != 1) {
            System.err.println("usage: tools/handout OUT [--labs lab01,lab02] [--lang en|ko] [--force]");
            System.exit(2);
        }
        String lang = o.get("lang", LANGUAGES.get(0));
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("--lang takes one of " + LANGUAGES + ", not " + lang);
        }
        Course course = Course.find();
        Path out = Path.of(o.positional.get(0)).toAbsolutePath();
        List<String> labs = course.labs(o.get("labs", null));
        write(course, labs, out, o.flag("force"), lang);
        List<String> leaks = check(course, out);
        if (!leaks.isEmpty()) {
            System.err.println("The handout in " + out + " reveals answers; do not hand it out:");
            leaks.forEach(l -> System.err.println("  " + l));
            System.exit(1);
        }
        System.out.println("Handout written to " + out + " with " + String.join(", ", labs) + ".");
        System.out.println("Checked: no solutions, no hidden tests, no instructor-only material, no solution code in it.");
        System.out.println("Try it: cd " + out + " && ./mvnw test   (every graded test fails until the students' work is done)");
    }

    static void write(Course course, List<String> labs, Path out, boolean force) {
        write(course, labs, out, force, LANGUAGES.get(0));
    }

    static void write(Course course, List<String> labs, Path out, boolean force, String lang) {
        if (Files.exists(out) && !isEmpty(out)) {
            if (!force) {
                throw new IllegalArgumentException(out + " exists and is not empty; choose another folder or add --force");
            }
            Fs.deleteTree(out);
        }
        List<String> modules = new ArrayList<>();
        modules.add("grading");
        modules.addAll(labs);
        Fs.write(out.resolve("pom.xml"), Course.rewritePom(course.pom(), modules));
        // grading/README.md is the instructor's guide to the grading pipeline (hidden tests, starter check);
        // grading's own tests check the pipeline, not a student's work, and would slow every student's run
        Fs.copyTree(course.root.resolve("grading"), out.resolve("grading"), rel -> rel.startsWith("target")
                || rel.startsWith("src/test") || rel.toString().equals("README.md"));
        for (String lab : labs) {
            Fs.copyTree(course.lab(lab), out.resolve(lab), rel -> LAB_SKIP.stream().anyMatch(s -> rel.startsWith(s)));
            for (Path guide : Fs.files(out.resolve(lab), ".md")) {
                Fs.write(guide, withoutInstructorPassages(Fs.read(guide)));
            }
        }
        for (String f : List.of("mvnw", "mvnw.cmd", ".gitignore")) {
            Path from = course.root.resolve(f);
            if (Files.exists(from)) {
                try {
                    Files.copy(from, out.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Fs.copyTree(course.root.resolve(".mvn"), out.resolve(".mvn"));
        // the course's options for Maven's own JVM (.mvn/jvm.config: a quick start), then: failsafe's own
        // failure list would repeat every message that the score table prints once
        Path jvmConfig = course.root.resolve(".mvn/jvm.config");
        Fs.write(out.resolve(".mvn/jvm.config"), (Files.isRegularFile(jvmConfig) ? Fs.read(jvmConfig) : "") + STUDENT_JVM_CONFIG);
        out.resolve("mvnw").toFile().setExecutable(true);
        String english = readme("README.md", "README.md", labs);
        String korean = readme("README.ko.md", "README.ko.md", labs);
        String workflow = resource("handout/grade.yml");
        if (lang.equals("ko")) {
            // the Korean README is the front page; each README's link to the other follows the swap
            Fs.write(out.resolve("README.md"), korean.replace("](README.md)", "](README.en.md)"));
            Fs.write(out.resolve("README.en.md"), english.replace("](README.ko.md)", "](README.md)"));
            String config = Files.exists(out.resolve(".mvn/maven.config")) ? Fs.read(out.resolve(".mvn/maven.config")).strip() + "\n" : "";
            Fs.write(out.resolve(".mvn/maven.config"), config + "-D" + socketlabs.grading.Messages.PROPERTY + "=ko\n");
            workflow = workflow.replace("java -cp ", "java -D" + socketlabs.grading.Messages.PROPERTY + "=ko -cp ");
        } else {
            Fs.write(out.resolve("README.md"), english);
            Fs.write(out.resolve("README.ko.md"), korean);
        }
        Fs.write(out.resolve(".github/workflows/grade.yml"), workflow);
        Fs.write(out.resolve(".github/ScoreTable.java"), resource("handout/ScoreTable.java"));
    }

    /** The guide without its instructor-only passages (markers included). */
    static String withoutInstructorPassages(String guide) {
        StringBuilder out = new StringBuilder();
        boolean keep = true;
        for (String line : guide.split("\n", -1)) {
            if (line.startsWith(INSTRUCTOR_ONLY_END)) {
                keep = true;
            } else if (line.startsWith(INSTRUCTOR_ONLY)) {
                keep = false;
            } else if (keep) {
                out.append(line).append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").replaceAll("\n+$", "\n");
    }

    /** The students' README from its template, each lab listed with a link to its guide in the same language. */
    private static String readme(String template, String labGuide, List<String> labs) {
        String labList = labs.stream().map(l -> "- [" + l + "](" + l + "/" + labGuide + ")").collect(Collectors.joining("\n"));
        return resource("handout/" + template).replace("{{LABS}}", labList)
                .replace("{{FIRST_LAB}}", labs.isEmpty() ? "lab01-ports" : labs.get(0));
    }

    /** What in the handout reveals an answer; empty when it is clean. */
    static List<String> check(Course course, Path out) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.map(p -> out.relativize(p).toString().replace(File.separatorChar, '/'))
                    .filter(r -> r.equals("solutions") || r.equals("instructor") || r.endsWith("/instructor")
                            || r.contains("src/hidden"))
                    .forEach(r -> problems.add(r + ": must not be in a handout"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> solutionLines = solutionOnlyLines(course);
        for (Path f : Fs.files(out, "")) {
            String rel = out.relativize(f).toString().replace(File.separatorChar, '/');
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                continue; // not text
            }
            if (rel.startsWith("lab") && text.contains("@Hidden")) {
                problems.add(rel + ": a hidden test");
            }
            if (rel.matches(".*\\.(md|sh|cmd|yml)") || rel.equals("pom.xml")) {
                String[] guideLines = text.split("\n", -1);
                for (int i = 0; i < guideLines.length; i++) {
                    if (INSTRUCTOR_MATERIAL.matcher(guideLines[i]).find()) {
                        problems.add(rel + ":" + (i + 1) + ": instructor-only material (it works only beside solutions/ or"
                                + " names the hidden tests; put it between instructor-only markers): " + guideLines[i].trim());
                    }
                }
            }
            // three solution-only lines in a row (short lines such as braces in between) are copied code;
            // a single shared line is often just an idiom that tests and solutions both use
            String[] lines = text.split("\n", -1);
            int run = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.length() < MIN_LEAK_LINE) {
                    continue;
                }
                run = solutionLines.contains(line) ? run + 1 : 0;
                if (run == LEAK_RUN) {
                    problems.add(rel + ":" + (i + 1) + ": solution code (" + LEAK_RUN + " lines of it in a row): " + line);
                }
            }
        }
        return problems;
    }

    /**
     * Lines of the solutions that no starter or provided file has and that only one solution file
     * holds: code that is the answer to a task. A line that several solution files repeat is an
     * idiom of the language or of sockets (restoring an interrupt, a read loop, a local port),
     * which tests use for good reason too.
     */
    static Set<String> solutionOnlyLines(Course course) {
        Set<String> given = new HashSet<>();
        for (String lab : course.labs()) {
            for (String part : List.of("src/main/java", "src/provided/java")) {
                for (Path f : Fs.files(course.lab(lab).resolve(part), ".java")) {
                    Fs.read(f).lines().map(String::trim).forEach(given::add);
                }
            }
        }
        Map<String, Integer> filesWith = new HashMap<>();
        for (Path f : Fs.files(course.root.resolve("solutions/src/main/java"), ".java")) {
            Fs.read(f).lines().map(String::trim)
                    .filter(l -> l.length() >= MIN_LEAK_LINE && !given.contains(l))
                    .filter(l -> !l.startsWith("import ") && !l.startsWith("package ") && !l.startsWith("*")
                            && !l.startsWith("/*") && !l.startsWith("//") && !l.startsWith("@"))
                    .distinct()
                    .forEach(l -> filesWith.merge(l, 1, Integer::sum));
        }
        return filesWith.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
    }

    static String resource(String name) {
        try (InputStream in = Handout.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
