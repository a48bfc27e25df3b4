package socketlabs.instructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;

/**
 * A lab's preparation (its test classpath and its catalogue of graded tests) kept for the next run of a
 * tool, so that grading one submission does not pay for a Maven build and a catalogue each time. An entry
 * is used only when its key still matches: a fingerprint of every file the preparation comes from (the
 * root pom, the lab's pom and sources, the grading module's pom and sources, the toolkit's compiled
 * classes), the JDK and the Java release; and when every file of its classpath is still there with the
 * contents it had. Anything else, or an entry that cannot be read, is prepared afresh.
 *
 * <p>The entries live in the course's {@code target/grader-cache}, which no graded code can write: a test
 * JVM in the sandbox sees the course only through read-only views and writes only its own /tmp. The
 * grader also fingerprints the entries with the course's other files, so a change while grading stops it.
 */
final class PreparedLabs {
    static final String DIR = "target/grader-cache";
    /** The memo of file hashes in {@link #DIR} ({@link Integrity#of(List, Path)}). */
    static final String FINGERPRINTS = "fingerprints.json";
    private static final String FORMAT = "socketlabs prepared lab, format 1";

    private PreparedLabs() {
    }

    /** The entry's file for one lab. */
    static Path file(Course course, String lab) {
        return course.root.resolve(DIR).resolve(lab + ".json");
    }

    /** The key of a lab's preparation as the course is now. */
    static String key(Course course, String lab) {
        List<Path> from = List.of(course.root.resolve("pom.xml"), course.lab(lab).resolve("pom.xml"),
                course.lab(lab).resolve("src"), course.root.resolve("grading/pom.xml"), course.root.resolve("grading/src"),
                Course.toolkitClasses());
        return FORMAT + "; " + lab + "; Java " + Runtime.version() + " at " + System.getProperty("java.home")
                + "; release " + course.release() + "; sources " + Integrity.fingerprint(from);
    }

    /** The lab as prepared before, or null when there is no entry that still holds. */
    static Lab read(Course course, String lab) {
        Path f = file(course, lab);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            if (!(Json.parse(Fs.read(f)) instanceof Map<?, ?> m) || !key(course, lab).equals(m.get("key"))
                    || !(m.get("deps") instanceof List<?> depNames) || !(m.get("catalogue") instanceof List<?> entries)) {
                return null;
            }
            List<Path> deps = new ArrayList<>();
            for (Object d : depNames) {
                Path p = Path.of((String) d);
                if (!Files.exists(p)) {
                    return null;
                }
                deps.add(p);
            }
            if (!Integrity.fingerprint(deps).equals(m.get("depsFingerprint"))) {
                return null;
            }
            List<GradedTest> catalogue = new ArrayList<>();
            for (Object e : entries) {
                catalogue.add(GradedTest.fromJson((Map<?, ?>) e));
            }
            return new Lab(lab, course.lab(lab), deps, catalogue);
        } catch (RuntimeException e) {
            // unreadable or of another shape: prepared afresh, and written over
            return null;
        }
    }

    /** Keeps a lab just prepared for the next run. */
    static void write(Course course, Lab lab) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key(course, lab.name()));
        m.put("deps", lab.deps().stream().map(Path::toString).toList());
        m.put("depsFingerprint", Integrity.fingerprint(lab.deps()));
        m.put("catalogue", lab.catalogue().stream().map(GradedTest::toJson).toList());
        Path f = file(course, lab.name());
        String text = Json.write(m);
        if (!Files.isRegularFile(f) || !text.equals(Fs.read(f))) {
            // the same entry is not written again: a grader running beside this one fingerprints the file
            Fs.write(f, text);
        }
    }
}
