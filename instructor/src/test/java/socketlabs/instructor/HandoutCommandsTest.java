package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handout has only what works in it: every command its guides give resolves in the handout
 * (the files and folders it names exist, the Maven modules it names are modules of the handout's
 * pom, no tool of the instructor's copy), and no instructor-only passage, folder or script is left.
 * Reads files only; the commands' Maven builds are what {@code cd OUT && ./mvnw -o test} runs.
 */
@DisplayName("every command in a handout's guides works in the handout")
class HandoutCommandsTest {
    // a path in the course: a lab's, the grading module's, the wrapper's
    private static final Pattern PATH = Pattern.compile("(?<![\\w/.-])((?:lab\\d\\d-[\\w-]+|grading|\\.mvn|\\.github)(?:/[\\w.@-]+)+)/?");
    private static final Pattern MODULES = Pattern.compile("-pl\\s+([\\w,-]+)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`");

    @TempDir
    Path tmp;

    /** Every command line of a guide: the lines of its fenced blocks, and (inline) its inline code. */
    static List<String> commands(String guide, boolean inline) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : guide.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fence = !fence;
            } else if (fence) {
                out.add(line);
            } else if (inline) {
                Matcher m = INLINE.matcher(line);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** What in the handout's guides does not work in the handout, one line each. */
    static List<String> problems(Path handout, Set<String> modules) {
        List<String> problems = new ArrayList<>();
        for (Path guide : Fs.files(handout, ".md")) {
            String rel = handout.relativize(guide).toString().replace('\\', '/');
            String lab = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
            String text = Fs.read(guide);
            // a command block that runs tools/ or solutions/ works only in the instructor's copy
            // (inline code may name them, as a Korean guide names the instructor's tools/handout --lang ko)
            for (String command : commands(text, false)) {
                if (command.matches("\\s*(\\$\\s*)?(sudo\\s+)?(tools/|solutions/|java -cp \"?solutions).*")) {
                    problems.add(rel + ": `" + command.trim() + "` is the instructor's: no tools/ or solutions/ in a handout");
                }
            }
            for (String command : commands(text, true)) {
                Matcher m = MODULES.matcher(command);
                while (m.find()) {
                    for (String module : m.group(1).split(",")) {
                        if (!modules.contains(module)) {
                            problems.add(rel + ": `" + command.trim() + "` names module " + module + ", not one of the handout's " + modules);
                        }
                    }
                }
                Matcher p = PATH.matcher(command);
                while (p.find()) {
                    String path = p.group(1).replaceAll("[.,:;]+$", "");
                    if (path.contains("/target/") || path.endsWith("/target") || path.contains("...")
                            || (!lab.isEmpty() && !path.startsWith(lab) && path.startsWith("lab"))) {
                        continue; // built by the commands themselves, elided, or another lab a single-lab handout left out
                    }
                    if (!Files.exists(handout.resolve(path))) {
                        problems.add(rel + ": `" + command.trim() + "` names " + path + ", which the handout does not have");
                    }
                }
            }
        }
        return problems.stream().distinct().collect(Collectors.toList());
    }

    @Test
    @DisplayName("a handout of every lab: its guides' commands resolve, and it has no instructor-only passage, folder or script")
    void everyCommandResolves() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("handout");
        Handout.write(course, course.labs(), out, false);
        Set<String> modules = new java.util.HashSet<>(socketlabs.grading.Labs.of(out));
        modules.add("grading");
        assertEquals("", String.join("\n", problems(out, modules)));
        assertEquals(List.of(), Handout.check(course, out));
        for (String lab : course.labs()) {
            assertFalse(Files.exists(out.resolve(lab).resolve("instructor")), lab + "/instructor is the instructor's");
            assertFalse(Fs.read(out.resolve(lab).resolve("README.md")).contains(Handout.INSTRUCTOR_ONLY), lab);
        }
    }

    @Test
    @DisplayName("the handout's own check refuses a guide that still runs solutions/ or names the hidden tests")
    void checkRefusesInstructorMaterial() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("handout");
        Handout.write(course, List.of(Fixtures.LAB), out, false);
        Path readme = out.resolve(Fixtures.LAB).resolve("README.md");
        Fixtures.write(readme, Fs.read(readme) + "\n```\njava -cp solutions/target/classes socketlabs.lab01.PortScanner 127.0.0.1\n```\n");
        List<String> problems = Handout.check(course, out);
        assertTrue(problems.stream().anyMatch(p -> p.contains("README.md:") && p.contains("instructor-only material")), problems.toString());
        assertFalse(problems(out, Set.of("grading", Fixtures.LAB)).isEmpty(), "the command check finds it too");
    }

    @Test
    @DisplayName("instructor-only passages are cut from the first marker to the closing one, markers included")
    void passagesAreCut() {
        String guide = "# Lab\n\nfor students\n\n" + Handout.INSTRUCTOR_ONLY + " -->\n\n## Benchmark\n\nsolutions/target\n\n"
                + Handout.INSTRUCTOR_ONLY_END + "\n\nmore for students\n";
        assertEquals("# Lab\n\nfor students\n\nmore for students\n", Handout.withoutInstructorPassages(guide));
    }
}
