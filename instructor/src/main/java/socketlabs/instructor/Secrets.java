package socketlabs.instructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What students must not see in their feedback: the text of the hidden tests (sources and compiled
 * classes) and of the reference solutions. Code under test can read the hidden tests' classes (the
 * JVM must load them) and may throw what it read as a test's message, so every output the grader
 * shows is checked: one that carries any {@value #WINDOW} characters of course text (spaces
 * collapsed, so reformatting does not hide it) that appear nowhere in what the student already has
 * (the starter, the visible tests, the provided code, their own code) is withheld whole. Outputs
 * are capped at {@value #MAX_OUTPUT} characters.
 */
final class Secrets {
    static final int WINDOW = 32;
    static final int MAX_OUTPUT = 4000;
    static final String WITHHELD = "[withheld by the grader: this output carried text of the course's hidden tests or"
            + " reference solutions]";
    static final String HIDDEN = "[a hidden test: its details are not shown]";
    private static final long BASE = 1_000_003L;

    /** The windows' hashes, sorted and distinct (a plain array: a lab has hundreds of thousands). */
    private final long[] secret;

    /** Secrets of one lab: {@code secretFiles} minus every window that also appears in {@code publicFiles}. */
    Secrets(List<Path> secretFiles, List<Path> publicFiles) {
        long[] all = windowsOf(secretFiles);
        long[] known = windowsOf(publicFiles);
        int n = 0;
        for (long h : all) {
            if (Arrays.binarySearch(known, h) < 0) {
                all[n++] = h;
            }
        }
        secret = Arrays.copyOf(all, n);
    }

    /** The hashes of every window of the files, sorted and distinct. */
    private static long[] windowsOf(List<Path> files) {
        long[][] buf = {new long[1 << 14]};
        int[] n = {0};
        for (Path f : files) {
            anyWindow(normalize(read(f)), h -> {
                if (n[0] == buf[0].length) {
                    buf[0] = Arrays.copyOf(buf[0], buf[0].length * 2);
                }
                buf[0][n[0]++] = h;
                return false;
            });
        }
        long[] a = Arrays.copyOf(buf[0], n[0]);
        Arrays.sort(a);
        int distinct = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[distinct++] = a[i];
            }
        }
        return Arrays.copyOf(a, distinct);
    }

    /** A test's output as it may be shown: capped, or withheld when it carries course text. */
    String shown(String output) {
        if (output == null) {
            return null;
        }
        if (carries(output)) {
            return WITHHELD;
        }
        return output.length() > MAX_OUTPUT ? output.substring(0, MAX_OUTPUT) + " [...]" : output;
    }

    /** Text the grader wrote line by line (compiler messages): each line that carries course text is withheld. */
    String shownLines(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(carries(line) ? "    [a line of a hidden test, not shown]" : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    boolean carries(String text) {
        String t = normalize(text);
        return t.length() >= WINDOW && secret.length > 0 && anyWindow(t, h -> Arrays.binarySearch(secret, h) >= 0);
    }

    /** Whether {@code test} holds for the rolling hash of any WINDOW characters of {@code t}, in order. */
    private static boolean anyWindow(String t, java.util.function.LongPredicate test) {
        long power = 1;
        for (int i = 0; i < WINDOW - 1; i++) {
            power *= BASE;
        }
        long h = 0;
        for (int i = 0; i < t.length(); i++) {
            if (i >= WINDOW) {
                h -= t.charAt(i - WINDOW) * power;
            }
            h = h * BASE + t.charAt(i);
            if (i >= WINDOW - 1 && test.test(h)) {
                return true;
            }
        }
        return false;
    }

    /** Printable ASCII with every run of anything else (spaces, line breaks, a class file's binary) as one space. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7f) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString();
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
