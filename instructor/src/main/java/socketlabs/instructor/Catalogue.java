package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;

/**
 * The graded tests of a lab, as its pristine tests (and hidden tests) declare them: compiled
 * afresh from the sources against the starter, never read from a build folder that code under
 * test could have written to in an earlier run, then listed by a {@link TestRunner} JVM.
 */
final class Catalogue {
    // surefire's default includes, which the lab builds use: Test*, *Test, *Tests, *TestCase
    private static final Pattern TEST_CLASS = Pattern.compile("(.*\\.)?(Test[^.]*|[^.]*Tests?|[^.]*TestCase)");
    private static final long LIST_MILLIS = 120_000;

    private Catalogue() {
    }

    /** The lab's graded tests, not run: the visible ones first, then the hidden ones, each in discovery order. */
    static List<GradedTest> of(Course course, String lab, List<Path> deps) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("socketlabs-catalogue-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path dir = course.lab(lab);
            Path classes = tmp.resolve("classes");
            Path testClasses = tmp.resolve("test-classes");
            List<Path> main = new ArrayList<>(Fs.files(dir.resolve("src/main/java"), ".java"));
            main.addAll(Fs.files(dir.resolve("src/provided/java"), ".java"));
            String errors = Javac.compile(course.release(), main, deps, classes, tmp, dir);
            List<Path> tests = new ArrayList<>(Fs.files(dir.resolve("src/test/java"), ".java"));
            tests.addAll(Fs.files(dir.resolve("src/hidden/java"), ".java"));
            List<Path> testCp = new ArrayList<>(deps);
            testCp.add(classes);
            if (errors == null) {
                errors = Javac.compile(course.release(), tests, testCp, testClasses, tmp, dir);
            }
            if (errors != null) {
                throw new IllegalStateException("the course's own " + lab + " does not compile:\n" + errors);
            }
            Fs.copyTree(dir.resolve("src/test/resources"), testClasses);
            return list(lab, dir, deps, classes, testClasses);
        } finally {
            Fs.deleteTree(tmp);
        }
    }

    private static List<GradedTest> list(String lab, Path dir, List<Path> deps, Path classes, Path testClasses) {
        List<String> testClassNames = testClassNames(testClasses);
        if (testClassNames.isEmpty()) {
            return List.of();
        }
        List<Path> cp = new ArrayList<>();
        cp.add(Course.toolkitClasses());
        cp.addAll(deps);
        cp.add(testClasses);
        cp.add(classes);
        List<String> args = new ArrayList<>(List.of("list"));
        args.addAll(testClassNames);
        TestJvm.Outcome o = TestJvm.run(TestJvm.command(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1"), cp, args),
                dir, "*", LIST_MILLIS);
        if (!o.done()) {
            throw new IllegalStateException("cannot list the tests of " + lab + ":\n" + o.stderrTail());
        }
        List<GradedTest> entries = new ArrayList<>();
        for (Event e : o.events()) {
            if (e instanceof Event.Listed listed) {
                entries.add(listed.test());
            }
        }
        entries.sort(Comparator.comparing(GradedTest::hidden));
        return entries;
    }

    /** Top-level test classes by surefire's default names, as the lab build runs them. */
    static List<String> testClassNames(Path testClasses) {
        return Fs.files(testClasses, ".class").stream()
                .map(p -> testClasses.relativize(p).toString().replace(File.separatorChar, '.'))
                .map(s -> s.substring(0, s.length() - ".class".length()))
                .filter(n -> !n.contains("$") && TEST_CLASS.matcher(n).matches())
                .sorted().collect(Collectors.toList());
    }
}
