package socketlabs.instructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a submitted source file for what an instructor may want to look at: ending the JVM,
 * reflection, processes, the grading machinery. A flag costs no points; it is listed in the report.
 * This is a reading of the text, not a defence: the grader's limits and integrity checks are.
 */
final class SourceAudit {
    // what the instructor may want to look at; a flag costs no points
    private static final Map<Pattern, String> FLAGS = new LinkedHashMap<>();
    private static final Pattern EXIT = Pattern.compile("System\\s*\\.\\s*exit|\\.\\s*halt\\s*\\(");
    private static final Pattern MAIN = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(");

    static {
        FLAGS.put(EXIT, "ends the JVM (System.exit or Runtime.halt)");
        FLAGS.put(Pattern.compile("setAccessible|java\\.lang\\.reflect|MethodHandles|getDeclaredField"), "uses reflection");
        FLAGS.put(Pattern.compile("ProcessBuilder|\\.exec\\s*\\("), "starts processes");
        FLAGS.put(Pattern.compile("FileDescriptor"), "uses raw file descriptors");
        FLAGS.put(Pattern.compile("results\\.json|socketlabs\\.grading|#grading|surefire|org\\.junit|opentest4j"),
                "mentions the grading or test machinery");
        FLAGS.put(Pattern.compile("sun\\.misc|Unsafe|jdk\\.internal|Instrumentation|tools\\.attach"), "uses JDK internals");
        FLAGS.put(Pattern.compile("getStackTrace|StackWalker"), "inspects its callers (could tell a test from real use)");
    }

    private SourceAudit() {
    }

    static List<String> audit(String rel, String source) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Pattern, String> f : FLAGS.entrySet()) {
            // a command-line program's main may end the JVM (a usage error, exit code 2): the reference programs do
            String text = f.getKey() == EXIT ? withoutMainBodies(source) : source;
            if (f.getKey().matcher(text).find()) {
                found.add(rel + " " + f.getValue());
            }
        }
        return found;
    }

    /** The source with the bodies of its {@code static void main} methods left out. */
    static String withoutMainBodies(String source) {
        StringBuilder out = new StringBuilder(source);
        Matcher m = MAIN.matcher(source);
        while (m.find()) {
            int open = source.indexOf('{', m.end());
            int close = open < 0 ? -1 : closingBrace(source, open);
            if (close < 0) {
                break;
            }
            for (int i = open + 1; i < close; i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** The brace that closes the one at {@code open}, comments and literals skipped; -1 if none. */
    static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i + 2);
            } else if (c == '"' || c == '\'') {
                for (i++; i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }
}
