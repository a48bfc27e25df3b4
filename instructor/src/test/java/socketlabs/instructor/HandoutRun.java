package socketlabs.instructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The commands of a handout's guides, and running them in the handout. A command is a line of a
 * fenced code block that starts with a program (after an optional {@code sudo}), or, in a block
 * that shows a terminal ({@code $ } lines), each {@code $ } line; the other lines of a block are
 * output, diagrams or messages. A command that cannot run unattended is in {@link #NOT_RUN} with
 * the reason; every other command runs, under a time limit, and must exit 0.
 */
final class HandoutRun {
    // the programs a guide's command starts with: a line of a code block that starts with one is a command
    private static final Pattern PROGRAM = Pattern.compile("^\\(?(?:\\./\\S|(?:mvnw|mvn|java|javac|jshell|sudo|for|nc|ncat|ss|curl|wget"
            + "|cat|grep|tshark|tcpdump|socat|nmap|git|cd|cp|mv|rm|ls|printf|echo|head|tail|seq|cmp|diff|wc|ping|bash|sh"
            + "|setcap|sysctl|strace|python3|unshare|editcap|iptables|ip|getent|kill|chmod)(?:\\s|$))");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    // a comment at the end of a command: whitespace, #, whitespace (a # in a URL or a quoted filter stays)
    private static final Pattern COMMENT = Pattern.compile("\\s+#\\s.*$");
    static final long MAVEN_SECONDS = 600;
    static final long OTHER_SECONDS = 60;

    /** The commands of the guides that no test can run unattended, each with the reason. */
    static final Map<String, String> NOT_RUN = Map.of(
            "sudo lab04-raw/fixtures/record.sh", "needs root (tcpdump on lo), and records the lab's test fixtures anew",
            "sudo lab04-raw/fixtures/record.sh any snap", "needs root (tcpdump on lo), and records the lab's test fixtures anew",
            "sudo ./mvnw test -pl lab04-raw -am", "needs root (raw sockets); the same build without sudo runs here",
            "sudo tcpdump -i lo -n icmp", "needs root, and captures until Ctrl-C",
            "nc -l 127.0.0.1 7007", "a TCP server that runs until Ctrl-C, in a terminal of its own",
            "nc -u -l 127.0.0.1 7007", "a UDP server that runs until Ctrl-C, in a terminal of its own",
            "nc 127.0.0.1 7007", "a client that sends the lines typed at it, until Ctrl-C",
            "nc -zv 127.0.0.1 7005-7008", "scans the nc listener of the lines above, which runs in another terminal;"
                    + " alone it finds every port refused and exits 1");

    /** One command: the guide it is in and its text, comment and prompt taken off. */
    record Command(String guide, String text) {
        boolean maven() {
            return text.startsWith("./mvnw ");
        }

        /** A Maven build that runs the tests: run on the untouched starter, where every graded test fails fast. */
        boolean mavenTest() {
            return maven() && List.of(text.split("\\s+")).contains("test");
        }
    }

    /** What came of running a command: its exit status (-1 on time-out) and its output. */
    record Outcome(int status, String output) {
    }

    private HandoutRun() {
    }

    /** The commands of one guide, in order. */
    static List<String> commands(String guide) {
        List<String> out = new ArrayList<>();
        List<String> block = null;
        for (String line : guide.split("\n")) {
            if (FENCE.matcher(line).find()) {
                if (block == null) {
                    block = new ArrayList<>();
                } else {
                    out.addAll(blockCommands(block));
                    block = null;
                }
            } else if (block != null) {
                block.add(line);
            }
        }
        return out;
    }

    private static List<String> blockCommands(List<String> block) {
        boolean terminal = block.stream().anyMatch(l -> l.startsWith("$ "));
        List<String> out = new ArrayList<>();
        for (String line : block) {
            String command = terminal ? (line.startsWith("$ ") ? line.substring(2) : "") : line;
            command = COMMENT.matcher(command).replaceFirst("").strip().replaceAll("\\s+", " ");
            if (!command.isEmpty() && PROGRAM.matcher(command).find()) {
                out.add(command);
            }
        }
        return out;
    }

    /** Every distinct command of a handout's guides, with the first guide that gives it. */
    static List<Command> commands(Path handout) {
        Map<String, Command> out = new LinkedHashMap<>();
        for (Path guide : Fs.files(handout, ".md")) {
            String rel = Fs.rel(handout, guide);
            if (rel.contains("/target/")) {
                continue;
            }
            for (String c : commands(Fs.read(guide))) {
                out.putIfAbsent(c, new Command(rel, c));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Runs a command in the handout as a student would type it (Maven offline), under its time limit. */
    static Outcome run(Path handout, Command command, Path log) {
        String text = command.maven() ? "./mvnw -o " + command.text().substring("./mvnw ".length()) : command.text();
        ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", text).directory(handout.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("MAVEN_") || k.equals("MAVEN_OPTS"));
        try {
            Process p = pb.start();
            boolean ended = p.waitFor(command.maven() ? MAVEN_SECONDS : OTHER_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
            return new Outcome(ended ? p.exitValue() : -1, Fs.read(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + text, e);
        }
    }

    /** The end of a long output: what a failure message needs. */
    static String tail(String output, int lines) {
        List<String> all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
