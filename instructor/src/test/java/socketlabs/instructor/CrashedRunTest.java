package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven path when a test JVM dies: in a handout of lab01, a student's code that halts the JVM
 * in one test and asks for more memory than there is in another. The score table still prints
 * (the labs' tests run in failsafe, which does not stop the build when a JVM dies), the test that
 * was running is marked with the reason, every other test still gets its own outcome (the lab's
 * tests share one JVM, and the tests it had not reached run in a fresh one), and the report folder
 * the run names is its own.
 */
@Tag(EndToEnd.TAG)
@DisplayName("a graded Maven run whose test JVM dies still ends with the score table")
class CrashedRunTest {
    private static final Pattern REPORTS = Pattern.compile("surefire's report files of this run: (\\S+)");
    private static final String COMMAND = "./mvnw test -pl " + Fixtures.LAB + " -am -Dgrading.lang=en"
            + " -Dtest=HaltTest,MemoryTest -Dsurefire.failIfNoSpecifiedTests=false";

    @TempDir
    Path tmp;

    @Test
    @Timeout(1200) // two Maven builds of a handout on a busy machine
    @DisplayName("Runtime.halt and an out-of-memory allocation: the table prints, both tests marked, the report folder this run's")
    void tablePrintsAfterACrash() {
        Course course = Fixtures.course();
        Path out = tmp.resolve("handout");
        Handout.write(course, List.of(Fixtures.LAB), out, false);
        Path tests = out.resolve(Fixtures.LAB).resolve("src/test/java/socketlabs/lab01");
        // a student's code as the tests meet it: one call halts the JVM, another allocates before checking a length
        Fixtures.write(tests.resolve("HaltTest.java"), """
                package socketlabs.lab01;

                import org.junit.jupiter.api.*;
                import socketlabs.grading.Points;

                @DisplayName("Task 1 · Port numbers")
                @TestMethodOrder(MethodOrderer.MethodName.class)
                class HaltTest {
                    @Test @Points(1) @DisplayName("a passes before")
                    void a() {
                    }

                    @Test @Points(2) @DisplayName("b halts the JVM")
                    void b() {
                        Runtime.getRuntime().halt(1);
                    }

                    @Test @Points(4) @DisplayName("c passes after")
                    void c() {
                    }

                    @Test @Points(8) @DisplayName("d fails after")
                    void d() {
                        Assertions.fail("d's own failure");
                    }
                }
                """);
        Fixtures.write(tests.resolve("MemoryTest.java"), """
                package socketlabs.lab01;

                import org.junit.jupiter.api.*;
                import socketlabs.grading.Points;

                @DisplayName("Task 2 · Binding")
                @TestMethodOrder(MethodOrderer.MethodName.class)
                class MemoryTest {
                    static byte[] frame;

                    @Test @Points(3) @DisplayName("a allocates a frame of the length a peer claims")
                    void a() {
                        frame = new byte[Integer.MAX_VALUE - 16];
                    }

                    @Test @Points(1) @DisplayName("b runs after")
                    void b() {
                    }
                }
                """);
        String first = run(out, "first");
        String second = run(out, "second");
        assertTrue(second.contains("lab01-ports - grading summary"), "the score table is printed:\n" + second);
        assertTrue(!second.contains("The run did not finish"), "every test has an outcome:\n" + second);
        assertTrue(second.contains("run now in a fresh JVM"), "the tests after the halt run in a fresh JVM:\n" + second);
        assertTrue(second.contains("[failed] Task 1 · Port numbers › b halts the JVM  (0/2)")
                && second.contains("The test JVM ended while this test was running"), "the halted test, with the reason:\n" + second);
        assertTrue(second.contains("[failed] Task 2 · Binding › a allocates a frame of the length a peer claims  (0/3)")
                && second.contains("ran out of memory"), "the out-of-memory test, with the reason:\n" + second);
        assertTrue(second.contains("[failed] Task 1 · Port numbers › d fails after  (0/8)") && second.contains("d's own failure"),
                "a test after the halt fails with its own failure, not as not run:\n" + second);
        assertTrue(Pattern.compile(" Total +6/19\n").matcher(second).find(),
                "a passes before the halt, c after it in a fresh JVM, b after the out-of-memory test in the same JVM:\n" + second);
        Path folder = reports(second);
        assertNotEquals(reports(first), folder, "each run names a report folder of its own");
        assertTrue(Files.isDirectory(folder), "the folder named is there: " + folder);
    }

    private String run(Path handout, String name) {
        HandoutRun.Outcome o = HandoutRun.run(handout, new HandoutRun.Command("test", COMMAND), tmp.resolve(name + ".log"));
        assertEquals(0, o.status(), "a student's run ends with the table, not a build error:\n" + HandoutRun.tail(o.output(), 60));
        return o.output();
    }

    private static Path reports(String output) {
        Matcher m = REPORTS.matcher(output);
        assertTrue(m.find(), "the run names its report folder:\n" + output);
        return Path.of(m.group(1));
    }
}
