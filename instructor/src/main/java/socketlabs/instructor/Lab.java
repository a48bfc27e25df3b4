package socketlabs.instructor;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One lab as the grader knows it from the instructor's copy: its pristine folder, the classpath its
 * tests need (without the lab's own classes), and the catalogue of its graded tests.
 */
record Lab(String name, Path dir, List<Path> deps, List<Entry> catalogue) {

    /** One graded unit (a test method) with its points; the points come from here, never from a test JVM. */
    record Entry(String className, String key, String task, String name, int points, boolean hidden) {
        String fullName() {
            return task.isEmpty() ? name : task + " › " + name;
        }
    }

    int maxScore() {
        return catalogue.stream().mapToInt(Entry::points).sum();
    }

    /** The test classes that hold graded units, in catalogue order. */
    Set<String> testClasses() {
        return catalogue.stream().map(Entry::className).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    Path pristine(String relative) {
        return dir.resolve(relative);
    }
}
