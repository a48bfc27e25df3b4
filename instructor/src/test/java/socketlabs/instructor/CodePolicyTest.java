package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The code policy on compiled classes: what it finds, where, and that javac's own constructs are not findings. */
@Timeout(120)
@DisplayName("the code policy on the student's compiled classes")
class CodePolicyTest {
    private Path tmp;

    @BeforeEach
    void makeFolder() throws IOException {
        tmp = Files.createTempDirectory("socketlabs-policy");
    }

    @AfterEach
    void removeFolder() {
        Fs.deleteTree(tmp);
    }

    /** The findings in one compiled source file, as "Class.member rule". */
    private List<String> findings(String className, String source, Set<String> provided) {
        Path src = tmp.resolve("src/socketlabs/lab01/" + className + ".java");
        Fs.write(src, "package socketlabs.lab01;\n" + source);
        Path classes = tmp.resolve("classes");
        assertNull(Javac.compile("17", List.of(src), List.of(), classes, tmp, tmp));
        return CodePolicy.check(classes, provided).stream().map(f -> f.where() + " " + f.rule().says()).collect(Collectors.toList());
    }

    private List<String> findings(String className, String source) {
        return findings(className, source, Set.of());
    }

    private static boolean failing(List<String> found) {
        return found.stream().anyMatch(f -> CodePolicy.RULES.stream().anyMatch(r -> r.fails() && f.endsWith(" " + r.says())));
    }

    @Test
    @DisplayName("lambdas, method references, records, enums, switches and string concatenation are no finding")
    void javacsOwnConstructsAreFine() {
        assertEquals(List.of(), findings("Plain", """
                import java.util.*;
                import java.util.function.*;
                class Plain {
                    enum Kind { A, B }
                    record Pair(int a, String b) { }
                    static String all(List<String> words, Kind k) {
                        Function<String, Integer> len = String::length;
                        Supplier<List<String>> make = ArrayList::new;
                        List<String> out = make.get();
                        words.stream().map(w -> w + "/" + len.apply(w)).forEach(out::add);
                        switch (k) { case A: out.add("a"); break; default: out.add("b"); }
                        String s = switch (words.size()) { case 0 -> "none"; default -> "some"; };
                        return s + new Pair(1, "x") + out + Objects.hash(k) + k.getClass().getSimpleName();
                    }
                }"""));
    }

    @Test
    @DisplayName("Unsafe and reflection written with Unicode escapes are found, with the class and method")
    void escapesHideNothing() {
        List<String> found = findings("Sneaky", """
                class Sneaky {
                    static Object get() throws Exception {
                        java.lang.reflect.Field f = Class.forName("sun.misc.\\u0055nsafe").getDeclaredField("theUnsafe");
                        f.\\u0073etAccessible(true);
                        return f.get(null);
                    }
                }""");
        assertTrue(found.contains("socketlabs.lab01.Sneaky.get uses reflection"), found.toString());
        assertTrue(failing(found), found.toString());
    }

    @Test
    @DisplayName("each attack of the attack tests is stopped by a rule that fails the lab")
    void attacksFailTheLab() {
        for (String attack : List.of(AttackTest.FORGE_UNSAFE, AttackTest.FORGE_PROC, AttackTest.FORGE_HEAP, AttackTest.EXEC_FROM_TMP)) {
            List<String> found = findings("Attack", "class Attack {\n" + attack + "\n}\n");
            assertTrue(failing(found), found.toString());
        }
        List<String> crypto = findings("Attack", "class Attack {\n" + AttackTest.FORGE_PROC + "\n}\n");
        assertTrue(crypto.contains("socketlabs.lab01.Attack.forge uses javax.crypto (the grader's results are signed)"), crypto.toString());
        List<String> heap = findings("Attack", "class Attack {\n" + AttackTest.FORGE_HEAP + "\n}\n");
        assertTrue(heap.stream().anyMatch(f -> f.startsWith("socketlabs.lab01.Attack.forge uses the JVM's management interfaces")),
                heap.toString());
        List<String> processes = findings("Spawn", """
                class Spawn {
                    static void go() throws Exception { new ProcessBuilder("java").start(); }
                    static void stop(Thread t) { t.stop(); }
                    static void load() { System.loadLibrary("evil"); }
                }""");
        assertTrue(processes.contains("socketlabs.lab01.Spawn.go starts or handles processes"), processes.toString());
        assertTrue(processes.contains("socketlabs.lab01.Spawn.stop stops, suspends or resumes threads (Thread.stop)"), processes.toString());
        assertTrue(processes.contains("socketlabs.lab01.Spawn.load loads native code (System.load, java.lang.foreign)"), processes.toString());
    }

    @Test
    @DisplayName("a System.exit in a command-line program's main is no finding; anywhere else it is a flag that costs nothing")
    void exitOnlyFlagged() {
        assertEquals(List.of(), findings("Tool", """
                class Tool {
                    public static void main(String[] args) {
                        if (args.length == 0) { System.err.println("usage: Tool PORT"); System.exit(2); }
                    }
                }"""));
        List<String> found = findings("Tool", """
                class Tool {
                    public static void main(String[] args) { System.exit(2); }
                    static int classify(int port) { System.exit(0); return 0; }
                }""");
        assertEquals(List.of("socketlabs.lab01.Tool.classify ends the JVM (System.exit or Runtime.halt) outside a main method"), found);
        assertTrue(!failing(found));
    }

    @Test
    @DisplayName("provided code (from the course) is not checked")
    void providedCodeIsSkipped() {
        assertEquals(List.of(), findings("Native", """
                class Native {
                    static void load() { System.loadLibrary("c"); }
                }""", Set.of("socketlabs/lab01/Native.java")));
    }
}
