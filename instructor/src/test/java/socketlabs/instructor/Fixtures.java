package socketlabs.instructor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Labs;

/**
 * Generated submissions, built from the course itself so that they keep up as the labs grow: a
 * lab's reference solution (solutions/src/main/java, the lab's package), its untouched starter,
 * or one of them with a named misbehaviour injected into one method of one class. The course is
 * the instructor's own copy (the project root), prepared once (one Maven run, every lab) for all
 * the toolkit's tests of a JVM.
 */
final class Fixtures {
    static final String LAB = "lab01-ports";
    // the class and method the misbehaviours go into: task 1's classify, which only the Ports tests call
    static final String PORTS = "socketlabs/lab01/Ports.java";
    static final String CLASSIFY = "public static PortRange classify(int port)";
    // short limits keep the tests fast, yet the solution meets them on a busy 2-core machine; a hang is cut by each
    static final Limits LIMITS = new Limits("3 s", 15, 150, 128, 300);
    private static Map<String, Lab> prepared;

    private Fixtures() {
    }

    static Course course() {
        return new Course(Path.of("..").toAbsolutePath().normalize());
    }

    /** Every lab prepared once (one Maven run) for every test of this JVM. */
    static synchronized Map<String, Lab> prepared() {
        if (prepared == null) {
            Course course = course();
            prepared = Preparation.prepare(course, course.labs());
        }
        return prepared;
    }

    /** A grader of these labs only (as --labs chooses), under these limits. */
    static Grader grader(List<String> labs, Limits limits) {
        Map<String, Lab> chosen = new LinkedHashMap<>();
        labs.forEach(l -> chosen.put(l, prepared().get(l)));
        return Grader.of(course(), chosen, limits);
    }

    /** lab01 alone, under the short limits. */
    static Grader grader() {
        return grader(List.of(LAB), LIMITS);
    }

    static Lab lab(String name) {
        return prepared().get(name);
    }

    /** A submission folder holding the reference solution of each lab: its package from solutions/src/main/java. */
    static Path solution(Path dir, List<String> labs) {
        for (String lab : labs) {
            String pkg = Labs.packageDir(lab);
            Fs.copyTree(course().root.resolve("solutions/src/main/java").resolve(pkg), dir.resolve(lab).resolve("src/main/java").resolve(pkg));
        }
        return dir;
    }

    static Path solution(Path dir) {
        return solution(dir, List.of(LAB));
    }

    /** A submission folder holding each lab's untouched starter code. */
    static Path starter(Path dir, List<String> labs) {
        for (String lab : labs) {
            Fs.copyTree(course().lab(lab).resolve("src/main/java"), dir.resolve(lab).resolve("src/main/java"));
        }
        return dir;
    }

    static Path starter(Path dir) {
        return starter(dir, List.of(LAB));
    }

    /** Rewrites one source file of lab01 in a submission. */
    static Path edit(Path submission, String file, UnaryOperator<String> change) {
        Path f = submission.resolve(LAB).resolve("src/main/java").resolve(file);
        Fs.write(f, change.apply(Fs.read(f)));
        return submission;
    }

    /** Ports.classify with {@code statements} run first; the rest of the body as it was. */
    static Path beforeClassify(Path submission, String statements) {
        return edit(submission, PORTS, s -> insertAfterBrace(s, s.indexOf(CLASSIFY), "\n" + statements + "\n"));
    }

    /** The brace that closes the one at {@code open}, comments and literals skipped; -1 if none. */
    static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i + 2);
            } else if (c == '"' || c == '\'') {
                for (i++; i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** Ports.classify with this body instead of its own. */
    static Path classifyBody(Path submission, String body) {
        return edit(submission, PORTS, s -> {
            int open = s.indexOf('{', requireFound(s.indexOf(CLASSIFY)));
            return s.substring(0, open + 1) + "\n" + body + "\n    }" + s.substring(requireFound(closingBrace(s, open)) + 1);
        });
    }

    /** Ports with these members added at the end of the class. */
    static Path addToPorts(Path submission, String members) {
        return edit(submission, PORTS, s -> {
            int last = s.lastIndexOf('}');
            return s.substring(0, last) + members + "\n" + s.substring(last);
        });
    }

    private static String insertAfterBrace(String source, int from, String text) {
        int open = source.indexOf('{', requireFound(from));
        return source.substring(0, open + 1) + text + source.substring(open + 1);
    }

    private static int requireFound(int at) {
        if (at < 0) {
            throw new IllegalStateException("the source has no " + CLASSIFY + ": update Fixtures to the lab's API");
        }
        return at;
    }

    static void write(Path file, String text) {
        Fs.write(file, text);
    }

    /** Points of the graded units of these test classes (simple names) of a lab. */
    static int pointsIn(Lab lab, String... simpleNames) {
        List<String> names = List.of(simpleNames);
        return lab.catalogue().stream()
                .filter(e -> names.contains(e.className().substring(e.className().lastIndexOf('.') + 1)))
                .mapToInt(GradedTest::maxScore).sum();
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
