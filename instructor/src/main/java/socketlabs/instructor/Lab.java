package socketlabs.instructor;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import socketlabs.grading.GradedTest;

/**
 * One lab as the grader knows it from the instructor's copy: its pristine folder, the classpath its
 * tests need (without the lab's own classes), and the catalogue of its graded tests, not run. The
 * points come from the catalogue, never from a test JVM.
 */
record Lab(String name, Path dir, List<Path> deps, List<GradedTest> catalogue) {

    int maxScore() {
        return catalogue.stream().mapToInt(GradedTest::maxScore).sum();
    }

    /** The test classes that hold graded units, in catalogue order. */
    Set<String> testClasses() {
        return catalogue.stream().map(GradedTest::className).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The catalogue's test with this key. */
    GradedTest test(String key) {
        return catalogue.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    Path pristine(String relative) {
        return dir.resolve(relative);
    }
}
