package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a student's feedback may carry of the course's hidden tests and solutions: nothing the student does not have. */
class SecretsTest {
    private static final String HIDDEN = "assertEquals(PortRange.DYNAMIC, Ports.classify(49152), \"the first dynamic port\");\n"
            + "assertThrows(IllegalArgumentException.class, () -> Ports.classify(65536));\n";
    private static final String STARTER = "public static PortRange classify(int port) {\n"
            + "    throw new UnsupportedOperationException(\"not written yet\");\n}\n";

    @TempDir
    Path tmp;

    private Secrets secrets() throws IOException {
        Path hidden = Files.writeString(tmp.resolve("HiddenPortsTest.java"), HIDDEN + STARTER);
        Path starter = Files.writeString(tmp.resolve("Ports.java"), STARTER);
        return new Secrets(List.of(hidden), List.of(starter));
    }

    @Test
    void aHiddenTestsLineIsWithheldWhole() throws IOException {
        Secrets s = secrets();
        String output = "expected: <1> but was: <2>; read: " + HIDDEN.substring(10, 60);
        assertTrue(s.carries(output));
        assertEquals(Secrets.WITHHELD, s.shown(output));
    }

    @Test
    void reformattingDoesNotHideIt() throws IOException {
        String respaced = HIDDEN.substring(0, 70).replace(" ", "\n\t  ");
        assertTrue(secrets().carries(respaced), respaced);
    }

    @Test
    void whatTheStudentHasIsShown() throws IOException {
        Secrets s = secrets();
        String output = "java.lang.UnsupportedOperationException: not written yet (" + STARTER.substring(0, 40) + ")";
        assertFalse(s.carries(output));
        assertEquals(output, s.shown(output));
    }

    @Test
    void shortOrUnrelatedTextIsShownAndLongTextCapped() throws IOException {
        Secrets s = secrets();
        assertFalse(s.carries("expected: <DYNAMIC> but was: <REGISTERED>"));
        assertFalse(s.carries(HIDDEN.substring(0, Secrets.WINDOW - 1)));
        assertTrue(s.carries(HIDDEN.substring(0, Secrets.WINDOW)));
        String longText = "x".repeat(Secrets.MAX_OUTPUT + 100);
        assertEquals(Secrets.MAX_OUTPUT + " [...]".length(), s.shown(longText).length());
    }

    @Test
    void compilerMessagesLoseOnlyTheLinesThatCarryIt() throws IOException {
        String shown = secrets().shownLines("Ports.java:3: error: cannot find symbol\n    " + HIDDEN.split("\n")[1]);
        assertTrue(shown.startsWith("Ports.java:3: error: cannot find symbol\n"), shown);
        assertFalse(shown.contains("65536"), shown);
    }
}
