package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that keep "a lab is one folder" true: the module list, packages, tasks, and the report's order. */
class ConventionsTest {
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <modules>
                <module>grading</module>
                <module>lab01-ports</module>
                <!-- <module>lab09-old</module> -->
                <module>lab02-tcp</module>
              </modules>
              <profiles><profile><modules><module>solutions</module></modules></profile></profiles>
            </project>
            """;

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private void course() throws IOException {
        write("pom.xml", POM);
        write("lab01-ports/pom.xml", "<project/>");
        write("lab02-tcp/pom.xml", "<project/>");
        write("lab01-ports/src/main/java/socketlabs/lab01/Ports.java", "package socketlabs.lab01;");
        write("lab02-tcp/src/test/java/socketlabs/lab02/EchoTest.java", "package socketlabs.lab02;");
        write("lab02-tcp/src/test/resources/socketlabs/lab02/page.html", "<p>");
    }

    @Test
    void aCommentedOutModuleIsNoLabAndAProfilesModuleIsNotTheProjects() throws IOException {
        course();
        assertEquals(List.of("grading", "lab01-ports", "lab02-tcp"), Pom.read(root.resolve("pom.xml")).modules());
        assertEquals(List.of("lab01-ports", "lab02-tcp"), Labs.of(root));
        assertEquals("17", Pom.read(root.resolve("pom.xml")).property("maven.compiler.release"));
        assertEquals("socketlabs.lab02", Labs.packageOf("lab02-tcp"));
        assertEquals("lab02-tcp", Labs.labOfClass(root, "socketlabs.lab02.EchoTest"));
    }

    @Test
    void aLabFolderOutsideTheModuleListAndACodeFileOutsideTheLabsPackageAreNamedWithTheirFix() throws IOException {
        course();
        assertEquals(List.of(), LabSources.problems(root));
        write("lab05-dns/pom.xml", "<project/>");
        write("lab01-ports/src/test/java/socketlabs/lab02/Stray.java", "package socketlabs.lab02;");
        List<String> problems = LabSources.problems(root);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("add <module>lab05-dns</module>"), problems.get(0));
        assertTrue(problems.get(1).startsWith("lab01-ports/src/test/java/socketlabs/lab02/Stray.java")
                && problems.get(1).contains("package socketlabs.lab01"), problems.get(1));
    }

    @Test
    void aLabModuleNotNamedLabNNTopicStopsTheBuild() throws IOException {
        write("pom.xml", POM.replace("lab02-tcp", "lab2"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Labs.of(root));
        assertTrue(e.getMessage().contains("\"lab2\" is not named labNN-topic"), e.getMessage());
    }

    @Test
    void labSourcesGathersEveryLabsTestsAndResources() throws Exception {
        course();
        Path out = root.resolve("solutions/target/lab-sources");
        write("solutions/target/lab-sources/test/socketlabs/lab01/Deleted.java", "left from an earlier build");
        LabSources.main(new String[] {root.toString(), out.toString()});
        assertTrue(Files.isRegularFile(out.resolve("test/socketlabs/lab02/EchoTest.java")));
        assertTrue(Files.isRegularFile(out.resolve("test-resources/socketlabs/lab02/page.html")));
        assertTrue(Files.isDirectory(out.resolve("provided")) && Files.isDirectory(out.resolve("hidden")));
        assertTrue(Files.notExists(out.resolve("test/socketlabs/lab01/Deleted.java")), "a file gone from the lab is gone");
    }

    private static GradedTest test(String cls, String task, int points, boolean hidden) {
        return new GradedTest("socketlabs.lab03." + cls + "#t()", task, "t", points, hidden);
    }

    @Test
    void aGradedTestMustNameItsTaskAndAHiddenOneAVisibleTask() {
        List<GradedTest> good = List.of(test("EchoTest", "Task 1 · Datagram echo", 2, false),
                test("GoBackNTest", "Task 4c · Go-Back-N", 2, false),
                test("WarmUpTest", "Warm-up · the provided channel", 0, false),
                test("HiddenEchoTest", "Task 1 · Datagram echo", 2, true));
        assertEquals(List.of(), Tasks.problems(good));
        List<String> bad = Tasks.problems(List.of(test("EchoTest", "Task 1 · Datagram echo", 2, false),
                test("PingTest", "Pinger", 2, false), test("HiddenTest", "Hidden · other seeds", 2, true)));
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).startsWith("socketlabs.lab03.PingTest: its task is \"Pinger\""), bad.get(0));
        assertTrue(bad.get(1).startsWith("socketlabs.lab03.HiddenTest"), bad.get(1));
    }

    @Test
    void tasksAreOrderedByNumberThenLetter() {
        List<String> tasks = new java.util.ArrayList<>(List.of("Task 10 · x", "Task 4c · x", "Task 4a · x", "Task 2 · x", "Other"));
        tasks.sort(Tasks.ORDER);
        assertEquals(List.of("Task 2 · x", "Task 4a · x", "Task 4c · x", "Task 10 · x", "Other"), tasks);
    }

    @Test
    void aReportWithCompiledTestsButNoResultsSaysTheReportRanBeforeTheTests() throws IOException {
        write("test-classes/socketlabs/lab01/PortsTest.class", "");
        String verdict = Report.report(root.resolve("grading"), "starter", "lab01-ports", "r1", root.resolve("test-classes"));
        assertTrue(verdict.contains("the report step ran before the tests") && verdict.contains("before exec-maven-plugin"), verdict);
        assertEquals("", Report.report(root.resolve("grading"), "pass", "lab01-ports", "r1", root.resolve("test-classes")));
        assertEquals("", Report.report(root.resolve("grading"), "starter", "lab01-ports", "r1", root.resolve("none")));
    }
}
