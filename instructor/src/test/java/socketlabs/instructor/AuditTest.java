package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the flags for the instructor")
class AuditTest {
    private static final String EXITS = "ends the JVM (System.exit or Runtime.halt)";

    @Test
    @DisplayName("a System.exit in a command-line program's main is no flag")
    void exitInMainIsFine() {
        String source = """
                class Tool {
                    public static void main(String[] args) {
                        if (args.length == 0) { // usage: "Tool PORT" {
                            System.err.println("usage: Tool PORT }");
                            System.exit(2);
                        }
                    }
                }""";
        assertEquals(List.of(), SourceAudit.audit("Tool.java", source));
    }

    @Test
    @DisplayName("a System.exit anywhere else is flagged, also after a main")
    void exitElsewhereIsFlagged() {
        String source = """
                class Tool {
                    public static void main(String[] args) {
                        System.exit(2);
                    }

                    static int classify(int port) {
                        System.exit(0);
                        return 0;
                    }
                }""";
        assertTrue(SourceAudit.audit("Tool.java", source).contains("Tool.java " + EXITS));
    }
}
