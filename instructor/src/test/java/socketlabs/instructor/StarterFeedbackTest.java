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
 * lab04's untouched starter, graded in the sandbox: its visible tests' messages reach the student. Those
 * messages quote the exception a header parser must throw ({@code MalformedPacketException("IHL", ...)}),
 * which the reference solution's source holds word for word; the solution is out of every test JVM's
 * reach in the sandbox, so such a message is not course text the code read, and it is neither withheld
 * nor flagged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
@Tag(EndToEnd.TAG)
@DisplayName("a starter's feedback in the sandbox")
class StarterFeedbackTest {
    private static final String LAB = "lab04-raw";
    Path tmp;
    LabGrade graded;

    @BeforeAll
    @Timeout(300)
    void gradeTheStarter() throws IOException {
        Assumptions.assumeTrue(Sandbox.detect().available(), () -> "only the sandbox keeps the solution out of the test JVMs,"
                + " which this machine cannot make: " + Sandbox.detect().missing + " (.ci/run installs bubblewrap)");
        tmp = Files.createTempDirectory("socketlabs-starter-feedback");
        Path submission = Fixtures.starter(tmp.resolve("starter"), List.of(LAB));
        SubmissionGrade result = Grade.gradeOne(Fixtures.grader(List.of(LAB), Fixtures.LIMITS), "starter", submission,
                tmp.resolve("work"));
        graded = result.labs().get(0);
    }

    @AfterAll
    void cleanUp() {
        if (tmp != null) {
            Fs.deleteTree(tmp);
        }
    }

    @Test
    @DisplayName("the visible tests' messages that quote the exception to throw are shown, and no flag says course text was read")
    void messagesAreShown() {
        assertEquals(0, graded.score(), "the starter earns nothing");
        List<GradedTest> malformed = graded.tests().stream()
                .filter(t -> !t.hidden() && t.key().startsWith("socketlabs.lab04.Ipv4HeaderTest#malformed")).toList();
        assertFalse(malformed.isEmpty(), "lab04's Ipv4HeaderTest has its malformed-header cases");
        for (GradedTest t : malformed) {
            assertTrue(t.output().contains("must throw MalformedPacketException(\""), t.key() + " shows: " + t.output());
        }
        assertEquals(List.of(), graded.flags().stream().filter(f -> f.contains("carried text")).toList(),
                "flags of outputs withheld as course text");
    }
}
