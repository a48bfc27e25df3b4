package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the handout and the Gradescope bundle")
class HandoutTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("the handout has grading, the labs, the wrapper and CI, and no solutions, hidden tests or toolkit")
    void handoutHoldsNoAnswers() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("handout");
        Handout.write(course, course.labs(), out, false);
        assertEquals(List.of(), Handout.check(course, out));
        for (String lab : course.labs()) {
            assertTrue(Files.isDirectory(out.resolve(lab).resolve("src/main/java")), lab);
            assertTrue(Files.isDirectory(out.resolve(lab).resolve("src/test/java")), lab);
            assertFalse(Files.exists(out.resolve(lab).resolve("src/hidden")), lab);
        }
        for (String f : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties", "grading/pom.xml",
                "README.md", ".github/workflows/grade.yml", ".github/ScoreTable.java")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("grading/src/test")), "grading's own tests check the pipeline, not the students' work");
        assertFalse(Files.exists(out.resolve("solutions")));
        assertFalse(Files.exists(out.resolve("instructor")));
        String pom = Fs.read(out.resolve("pom.xml"));
        assertFalse(pom.contains("<module>solutions</module>") || pom.contains("<module>instructor</module>"), pom);
        assertFalse(pom.contains("<id>instructor</id>"), "the starter-check profile stays with the instructor");
        assertTrue(pom.contains("<module>grading</module>") && pom.contains("<module>" + Fixtures.LAB + "</module>"));
        assertTrue(Files.isExecutable(out.resolve("mvnw")));
    }

    @Test
    @DisplayName("a handout in Korean has the Korean README in front, the English one beside it, and Korean score tables")
    void koreanHandout() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("ko");
        Handout.write(course, List.of(Fixtures.LAB), out, false, "ko");
        String front = Fs.read(out.resolve("README.md"));
        assertTrue(front.contains("여러분의 사본") && front.contains("](" + Fixtures.LAB + "/README.ko.md)")
                && front.contains("[English](README.en.md)"), front);
        String english = Fs.read(out.resolve("README.en.md"));
        assertTrue(english.contains("your copy") && english.contains("[한국어](README.md)"), english);
        assertTrue(Files.exists(out.resolve(Fixtures.LAB).resolve("README.ko.md")), "the lab's Korean guide goes along");
        assertTrue(Fs.read(out.resolve(".mvn/maven.config")).contains("-Dgrading.lang=ko"));
        assertTrue(Fs.read(out.resolve(".github/workflows/grade.yml")).contains("java -Dgrading.lang=ko -cp"));
        assertEquals(List.of(), Handout.check(course, out));

        Path en = tmp.resolve("en");
        Handout.write(course, List.of(Fixtures.LAB), en, false);
        assertTrue(Fs.read(en.resolve("README.md")).contains("[한국어](README.ko.md)"));
        assertTrue(Fs.read(en.resolve("README.ko.md")).contains("](" + Fixtures.LAB + "/README.ko.md)"));
        assertFalse(Files.exists(en.resolve(".mvn/maven.config")), "English needs no setting");
    }

    @Test
    @DisplayName("the handout's check finds a line of solution code copied into a test")
    void checkFindsLeakedSolutionCode() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("handout");
        Handout.write(course, List.of(Fixtures.LAB), out, false);
        String solution = Fs.read(course.root.resolve("solutions/src/main/java/socketlabs/lab01/Ports.java"));
        Path test = out.resolve(Fixtures.LAB).resolve("src/test/java/socketlabs/lab01/LeakTest.java");
        Fixtures.write(test, "// a test peer that carries the answer\n" + solution.replace("class Ports", "class Leak"));
        List<String> problems = Handout.check(course, out);
        assertFalse(problems.isEmpty(), "the copied solution is found");
        assertTrue(problems.get(0).contains("LeakTest.java:") && problems.get(0).contains("solution code"), problems.toString());
        Fixtures.write(test, "class LeakTest {\n    // " + Handout.solutionOnlyLines(course).iterator().next() + "\n}\n");
        assertEquals(List.of(), Handout.check(course, out), "one shared line alone is not a leak");
    }

    @Test
    @DisplayName("a handout of chosen labs holds only those, and a second handout to the same folder needs --force")
    void chosenLabs() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("one");
        Handout.write(course, course.labs("lab01"), out, false);
        assertTrue(Files.isDirectory(out.resolve(Fixtures.LAB)));
        try {
            Handout.write(course, course.labs("lab01"), out, false);
            throw new AssertionError("a second handout must not overwrite the first silently");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("--force"));
        }
    }

    @Test
    @DisplayName("the Gradescope bundle has setup.sh, run_autograder, the hidden tests and the toolkit, no solutions")
    void gradescopeBundle() throws IOException {
        Course course = Fixtures.course();
        Path zip = tmp.resolve("autograder.zip");
        GradescopeBundle.write(course, course.labs(), zip, "");
        List<String> names;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            names = z.stream().map(e -> e.getName()).collect(Collectors.toList());
        }
        assertTrue(names.contains("setup.sh") && names.contains("run_autograder"), names.toString());
        assertTrue(names.contains("course/" + Fixtures.LAB + "/src/hidden/java/socketlabs/lab01/PortsHiddenTest.java"));
        assertTrue(names.contains("course/instructor/src/main/java/socketlabs/instructor/Grader.java"));
        assertTrue(names.stream().noneMatch(n -> n.startsWith("course/solutions") || n.contains("/target/")), names.toString());
    }
}
