package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import socketlabs.grading.GradedTest;

/**
 * The grader's kept preparation: taken again only while everything it comes from is as it was. A kept
 * catalogue that outlived a change of the course would grade against tests or points that are no more.
 */
class PreparedLabsTest {
    @TempDir
    Path tmp;
    Course course;
    Path jar;
    Lab lab;

    /** A course of its own (the root pom, lab01 and the grading module, copied) and a lab with a made-up catalogue. */
    @BeforeEach
    void aCourseOfItsOwn() throws IOException {
        Path root = Fixtures.course().root;
        Path copy = tmp.resolve("course");
        for (String f : List.of("pom.xml", "grading/pom.xml", Fixtures.LAB + "/pom.xml")) {
            Fs.copy(root.resolve(f), copy.resolve(f));
        }
        Fs.copyTree(root.resolve("grading/src"), copy.resolve("grading/src"));
        Fs.copyTree(root.resolve(Fixtures.LAB + "/src"), copy.resolve(Fixtures.LAB + "/src"));
        course = new Course(copy);
        jar = tmp.resolve("deps/junit-made-up.jar");
        Fs.write(jar, "the bytes of a dependency");
        GradedTest visible = new GradedTest("socketlabs.lab01.PortsTest#boundaries()", "Task 1", "boundaries", 3, false);
        GradedTest hidden = new GradedTest("socketlabs.lab01.HiddenPortsTest#more()", "Task 1", "more", 2, true);
        lab = new Lab(Fixtures.LAB, course.lab(Fixtures.LAB), List.of(jar), List.of(visible, hidden));
        PreparedLabs.write(course, lab);
    }

    @Test
    @DisplayName("kept, then taken again as it was: the classpath, and every test with its points and whether it is hidden")
    void takenAgainAsItWas() {
        Lab again = PreparedLabs.read(course, Fixtures.LAB);
        assertNotNull(again, "an entry written just now, with nothing changed since, was not taken");
        assertEquals(lab.deps(), again.deps());
        assertEquals(lab.catalogue().stream().map(t -> t.key() + " " + t.maxScore() + " " + t.hidden() + " " + t.task()).toList(),
                again.catalogue().stream().map(t -> t.key() + " " + t.maxScore() + " " + t.hidden() + " " + t.task()).toList());
        assertEquals(5, again.maxScore());
    }

    @Test
    @DisplayName("the Maven build and the catalogue are left out when the kept entry holds")
    void preparationTakesTheKeptEntry() {
        // this course has no Maven wrapper and no toolkit build: a preparation that ran Maven would fail here
        Map<String, Lab> prepared = Preparation.prepare(course, List.of(Fixtures.LAB));
        assertEquals(lab.catalogue().stream().map(GradedTest::key).toList(),
                prepared.get(Fixtures.LAB).catalogue().stream().map(GradedTest::key).toList());
    }

    @Test
    @DisplayName("a lab test edited, added or removed: prepared afresh")
    void aChangedLabIsPreparedAfresh() throws IOException {
        Path test = course.lab(Fixtures.LAB).resolve("src/test/java/socketlabs/lab01/PortsTest.java");
        Files.writeString(test, Files.readString(test).replace("class PortsTest", "class PortsTest /* edited */"));
        assertNull(PreparedLabs.read(course, Fixtures.LAB), "an edited test");
        PreparedLabs.write(course, lab);
        Files.writeString(test.resolveSibling("AddedTest.java"), "class AddedTest {}");
        assertNull(PreparedLabs.read(course, Fixtures.LAB), "an added test");
        PreparedLabs.write(course, lab);
        Files.delete(test.resolveSibling("AddedTest.java"));
        assertNull(PreparedLabs.read(course, Fixtures.LAB), "a removed test");
    }

    @Test
    @DisplayName("the lab's pom, the root pom or the grading module changed: prepared afresh")
    void aChangedBuildIsPreparedAfresh() throws IOException {
        for (Path f : List.of(course.lab(Fixtures.LAB).resolve("pom.xml"), course.root.resolve("pom.xml"),
                course.root.resolve("grading/src/main/resources/junit-platform.properties"))) {
            PreparedLabs.write(course, lab);
            Files.writeString(f, Files.readString(f) + "\n");
            assertNull(PreparedLabs.read(course, Fixtures.LAB), f + " changed");
        }
    }

    @Test
    @DisplayName("a dependency rewritten or gone: prepared afresh")
    void aChangedDependencyIsPreparedAfresh() throws IOException {
        Files.writeString(jar, "other bytes");
        assertNull(PreparedLabs.read(course, Fixtures.LAB), "a rewritten jar");
        PreparedLabs.write(course, lab);
        Files.delete(jar);
        assertNull(PreparedLabs.read(course, Fixtures.LAB), "a jar that is gone");
    }

    @Test
    @DisplayName("an entry that is cut short, not JSON, or of another JDK is not taken")
    void aBadEntryIsNotTaken() throws IOException {
        Path entry = PreparedLabs.file(course, Fixtures.LAB);
        String good = Files.readString(entry);
        for (String bad : List.of(good.substring(0, good.length() / 2), "not json", "[]", "{}",
                good.replace("Java " + Runtime.version(), "Java 11.0.1"))) {
            Files.writeString(entry, bad);
            assertNull(PreparedLabs.read(course, Fixtures.LAB), bad.length() > 60 ? bad.substring(0, 60) : bad);
        }
        Files.delete(entry);
        assertNull(PreparedLabs.read(course, Fixtures.LAB), "no entry");
    }
}
