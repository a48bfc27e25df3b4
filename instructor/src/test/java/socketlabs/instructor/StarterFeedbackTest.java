package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.GradedTest;

/**
 * The untouched starter of every lab, graded in the sandbox: its visible tests' messages reach the student,
 * none withheld as course text and none flagged as read. lab04's messages quote the exception a header parser
 * must throw ({@code MalformedPacketException("IHL", ...)}), which the reference solution's source holds word
 * for word; the solution is out of every test JVM's reach in the sandbox, so such a message is not course text
 * the code read. lab03's Go-Back-N messages are built from the same words as a hidden test's, which therefore
 * says them otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
@Tag(EndToEnd.TAG)
@DisplayName("a starter's feedback in the sandbox")
class StarterFeedbackTest {
    Path tmp;
    SubmissionGrade graded;

    @BeforeAll
    @Timeout(300)
    void gradeTheStarter() throws IOException {
        Assumptions.assumeTrue(Sandbox.detect().available(), () -> "only the sandbox keeps the solution out of the test JVMs,"
                + " which this machine cannot make: " + Sandbox.detect().missing + " (.ci/run installs bubblewrap)");
        tmp = Files.createTempDirectory("socketlabs-starter-feedback");
        List<String> labs = Fixtures.course().labs();
        Path submission = Fixtures.starter(tmp.resolve("starter"), labs);
        graded = Grade.gradeOne(Fixtures.grader(labs, Fixtures.LIMITS).labsAtOnce(2), "starter", submission, tmp.resolve("work"));
    }

    @AfterAll
    void cleanUp() {
        if (tmp != null) {
            Fs.deleteTree(tmp);
        }
    }

    @Test
    @DisplayName("the visible tests' messages are shown, those that quote the exception to throw too, and no flag says course text was read")
    void messagesAreShown() {
        assertEquals(0, graded.score(), "the starter earns nothing");
        List<GradedTest> malformed = graded.labs().stream().flatMap(l -> l.tests().stream())
                .filter(t -> !t.hidden() && t.key().startsWith("socketlabs.lab04.Ipv4HeaderTest#malformed")).toList();
        assertFalse(malformed.isEmpty(), "lab04's Ipv4HeaderTest has its malformed-header cases");
        for (GradedTest t : malformed) {
            assertTrue(t.output().contains("must throw MalformedPacketException(\""), t.key() + " shows: " + t.output());
        }
        for (LabGrade lab : graded.labs()) {
            assertEquals(List.of(), lab.flags().stream().filter(f -> f.contains("carried text")).toList(),
                    lab.lab() + ": flags of outputs withheld as course text");
        }
    }

    @Test
    @DisplayName("a starter's run that a limit cut short is not every starter's: the next starter runs in full")
    void cutShortRunIsNotShared() {
        // one second for the lab: its JVMs cannot all finish, and the tests left fail with the limit's words
        Grader grader = Fixtures.grader(List.of(Fixtures.LAB), new Limits("3 s", 15, 1, 128, 300));
        for (String student : List.of("first", "second")) {
            SubmissionGrade g = Grade.gradeOne(grader, student, Fixtures.starter(tmp.resolve(student)), tmp.resolve("work-" + student));
            assertEquals(0, g.score(), student);
        }
        assertEquals(0, grader.startersTaken(), "starter labs that took the grade of a run cut short");
    }
}
