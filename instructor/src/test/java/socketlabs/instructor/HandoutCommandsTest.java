package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handout has only what works in it: every command its guides give resolves in the handout
 * (the files and folders it names exist, the Maven modules it names are modules of the handout's
 * pom, no tool of the instructor's copy), no instructor-only passage, folder or script is left,
 * no link leads to a heading the handout left out, and every command of the guides' code blocks
 * runs ({@link HandoutRun}: the Maven builds offline, the lab's programs, the system tools) or is
 * listed there with the reason it cannot run unattended.
 */
@Tag(EndToEnd.TAG)
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
    @DisplayName("every command of a handout's guides (English and Korean) runs in the handout and exits 0, or is listed with the reason it cannot run unattended")
    @Timeout(1800) // nine Maven builds of the handout, each under its own limit
    @DisabledIfSystemProperty(named = "socketlabs.handoutCommands", matches = "false",
            disabledReason = "-Dsocketlabs.handoutCommands=false: .ci/run runs the handout's commands in its first build only")
    void everyCommandRuns() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("run");
        Handout.write(course, course.labs(), out, false);
        Path korean = tmp.resolve("run-ko");
        Handout.write(course, course.labs(), korean, false, "ko");
        List<HandoutRun.Command> commands = new ArrayList<>(HandoutRun.commands(out));
        Set<String> seen = commands.stream().map(HandoutRun.Command::text).collect(Collectors.toCollection(HashSet::new));
        HandoutRun.commands(korean).stream().filter(c -> seen.add(c.text())).forEach(commands::add);
        assertTrue(commands.stream().filter(HandoutRun.Command::mavenTest).count() > course.labs().size(),
                "the guides' test commands are found: " + commands);
        // the builds that run the tests first, on the untouched starter (every graded test fails fast, the build
        // passes); then the rest in the guides' order, on the reference solution, as a student who did the work runs them
        List<HandoutRun.Command> order = new ArrayList<>(commands.stream().filter(HandoutRun.Command::mavenTest).toList());
        commands.stream().filter(c -> !c.mavenTest()).forEach(order::add);
        List<String> failures = new ArrayList<>();
        boolean solved = false;
        int n = 0;
        for (HandoutRun.Command c : order) {
            String reason = HandoutRun.NOT_RUN.get(c.text());
            if (reason != null) {
                System.out.println("not run: " + c.guide() + ": " + c.text() + "  (" + reason + ")");
                continue;
            }
            if (!c.mavenTest() && !solved) {
                Fixtures.solution(out, course.labs());
                touchSources(out, course.labs()); // copied with their old dates, they would look older than the starter's classes
                solved = true;
            }
            HandoutRun.Outcome o = HandoutRun.run(out, c, tmp.resolve("command-" + (++n) + ".log"));
            String what = c.guide() + ": `" + c.text() + "` ";
            if (o.status() != 0) {
                failures.add(what + (o.status() < 0 ? "did not end within its time limit (a server? list it in HandoutRun.NOT_RUN"
                        + " with the reason)" : "exited " + o.status()) + "; its output ends:\n" + HandoutRun.tail(o.output(), 40));
            } else if (c.mavenTest() && !o.output().contains(socketlabs.grading.Results.RESULTS_FILE)) {
                failures.add(what + "printed no score table; its output ends:\n" + HandoutRun.tail(o.output(), 40));
            }
        }
        assertEquals("", String.join("\n\n", failures));
        Set<String> stale = new java.util.TreeSet<>(HandoutRun.NOT_RUN.keySet());
        stale.removeAll(seen);
        assertEquals(Set.of(), stale, "commands listed in HandoutRun.NOT_RUN that no guide gives any more");
    }

    private static void touchSources(Path handout, List<String> labs) {
        java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.from(java.time.Instant.now());
        for (String lab : labs) {
            for (Path f : Fs.files(handout.resolve(lab).resolve("src/main/java"), ".java")) {
                try {
                    Files.setLastModifiedTime(f, now);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    @Test
    @DisplayName("a guide's commands are the command lines of its code blocks, comments and prompts taken off; output and diagrams are not")
    void commandsOfAGuide() {
        String guide = "text `./mvnw inline`\n\n```\n./mvnw test -pl lab01-ports -am      # one lab\nserver   client\n(listening: SYNs)\n"
                + "ss -tn 'sport = :7007'   # both ends\n```\n\n```\n$ cat /proc/x\n32768\t60999\n```\n\n"
                + "```\n[skipped] Task 5 (sudo ./mvnw test)\n    run as root (sudo ./mvnw test -pl lab04-raw -am)\n```\n"
                + "```\n(for i in $(seq 3); do echo $i; done) | nc -u -w1 127.0.0.1 9000\n```\n";
        assertEquals(List.of("./mvnw test -pl lab01-ports -am", "ss -tn 'sport = :7007'", "cat /proc/x",
                "(for i in $(seq 3); do echo $i; done) | nc -u -w1 127.0.0.1 9000"), HandoutRun.commands(guide));
    }

    @Test
    @DisplayName("no link of a handout's guides (English and Korean) leads to a file or heading the handout does not have")
    void noDeadLinks() {
        Course course = Fixtures.course();
        for (String lang : Handout.LANGUAGES) {
            Path out = tmp.resolve("links-" + lang);
            Handout.write(course, course.labs(), out, false, lang);
            assertEquals("", String.join("\n", GuideLinks.dead(out)), "the " + lang + " handout");
        }
    }

    @Test
    @DisplayName("the link check finds a contents link to a section the handout left out")
    void linkCheckFindsALeftOutSection() {
        Path dir = tmp.resolve("guides");
        Fixtures.write(dir.resolve("README.md"), "# Lab\n\n[tasks](#the-tasks) · [bench](#benchmark) · [Korean](README.ko.md#과제-1--에코)"
                + " · [gone](missing.md)\n\n## The tasks\n\n```\n## not a heading\n```\n");
        Fixtures.write(dir.resolve("README.ko.md"), "# 실습\n\n## 과제 1 · 에코\n");
        List<String> dead = GuideLinks.dead(dir);
        assertEquals(2, dead.size(), dead.toString());
        assertTrue(dead.get(0).contains("[#benchmark]") && dead.get(1).contains("missing.md"), dead.toString());
        assertEquals("task-1--echo-server-and-client-32-points", GuideLinks.slug("Task 1 · Echo server and client (32 points)"));
        assertEquals("the-test-peers-misbehaving-on-purpose", GuideLinks.slug("The test peers: misbehaving on purpose"));
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
