package socketlabs.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The test JVMs' own Java runtime: a {@code jlink} image of exactly the modules a test JVM may resolve (the
 * JDK's allowed modules, JUnit's and the {@link RunnerModule}), with a class-data-sharing archive of the
 * classes a test run loads. A test JVM started from it needs neither {@code --limit-modules} (a denied
 * module is not in the image at all) nor a module path, and starts from the archive: about a third less
 * CPU for each JVM's start. {@code --limit-modules} turns class-data sharing off, even the JDK's own.
 *
 * <p>The image is built once for a runner module, JUnit's jars and the JDK (a minute at most), and kept in
 * the course's {@code target/grader-cache}, where no graded code can write; a test JVM sees it read-only.
 * Where it cannot be built (a JDK without {@code jlink} or its modules), the test JVMs start from the JDK,
 * with {@code --limit-modules}, as before.
 */
final class RuntimeImage {
    private static final long STEP_SECONDS = 180;
    private static final String WARM_UP_CLASS = "socketlabs.warmup.WarmUpTest";
    /** A test class that does what lab tests do, so that the archive holds the classes a real run loads. */
    private static final String WARM_UP = """
            package socketlabs.warmup;

            import static org.junit.jupiter.api.Assertions.*;

            import java.util.stream.Stream;
            import org.junit.jupiter.api.*;
            import org.junit.jupiter.params.ParameterizedTest;
            import org.junit.jupiter.params.provider.*;
            import socketlabs.grading.Points;

            @DisplayName("Warm-up")
            class WarmUpTest {
                @Test @Points(1) @DisplayName("passes") void passes() { assertEquals(2, 1 + 1); }
                @Test @Points(1) void fails() { assertEquals(1, 2, () -> "a failure's message"); }
                @Test @Points(1) void throwsIt() { throw new IllegalStateException("thrown"); }
                @Test @Points(1) void expectsAThrow() { assertThrows(IllegalArgumentException.class, () -> Integer.parseInt("x")); }
                @ParameterizedTest @ValueSource(ints = {1, 2}) @Points(1) void values(int n) { assertTrue(n > 0); }
                @ParameterizedTest @CsvSource({"a, 1", "b, 2"}) @Points(1) void csv(String s, int n) { assertNotNull(s); }
                @ParameterizedTest @MethodSource("cases") @Points(1) void method(String s) { assertFalse(s.isEmpty()); }
                static Stream<String> cases() { return Stream.of("x", "y"); }
                @Test @Points(1) @Timeout(5) void loopback() throws Exception {
                    try (var server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                         var client = new java.net.Socket(server.getInetAddress(), server.getLocalPort());
                         var accepted = server.accept()) {
                        client.getOutputStream().write(1);
                        assertEquals(1, accepted.getInputStream().read());
                    }
                }
                @Nested class Inner { @Test @Points(1) void nested() { assertArrayEquals(new byte[] {1}, new byte[] {1}); } }
            }
            """;

    private RuntimeImage() {
    }

    /** The image for this runner, built now unless kept in {@code kept}; null where no image can be built. */
    static Path of(RunnerModule runner, Path kept, Limits limits) {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", Course.isWindows() ? "jlink.exe" : "jlink");
        if (!Files.isRegularFile(jlink)) {
            return null;
        }
        List<Path> from = new ArrayList<>();
        from.add(runner.dir);
        from.addAll(runner.modulePath);
        String key = Integrity.contentFingerprint(from).substring(0, 16) + "-"
                + Integer.toHexString(String.join(",", runner.modules).hashCode()) + "-"
                + Integer.toHexString((Runtime.version() + System.getProperty("java.home")).hashCode());
        Path image = kept.resolve("image-" + key);
        if (Files.isRegularFile(image.resolve("release")) && Files.isRegularFile(java(image))) {
            return image;
        }
        Path tmp = kept.resolve("image-" + key + ".building-" + ProcessHandle.current().pid());
        try {
            System.out.println("Building the test JVMs' runtime image (once for this toolkit and JDK)...");
            Fs.deleteTree(tmp);
            Fs.mkdirs(kept);
            List<String> link = new ArrayList<>(List.of(jlink.toString(), "--module-path",
                    String.join(java.io.File.pathSeparator, from.stream().map(Path::toString).toList()),
                    "--add-modules", String.join(",", runner.modules), "--no-header-files", "--no-man-pages",
                    "--output", tmp.resolve("image").toString()));
            Fs.mkdirs(tmp);
            run(link, tmp);
            Path built = tmp.resolve("image");
            archive(built, runner, tmp, limits);
            // an image of an earlier toolkit or JDK is not used again
            try (java.util.stream.Stream<Path> old = Files.list(kept)) {
                old.filter(p -> p.getFileName().toString().startsWith("image-") && !p.getFileName().toString().contains(".building-")
                        && !p.equals(image)).forEach(Fs::deleteTree);
            }
            try {
                Files.move(built, image, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another grader kept the same image first: that one serves
                if (!Files.isRegularFile(image.resolve("release"))) {
                    throw e;
                }
            }
            return image;
        } catch (IOException | RuntimeException e) {
            System.err.println("note: the test JVMs start from the JDK (with --limit-modules, without a class-data archive):"
                    + " no runtime image could be built: " + e.getMessage());
            return null;
        } finally {
            Fs.deleteTree(tmp);
        }
    }

    /** The java of an image. */
    static Path java(Path image) {
        return image.resolve("bin").resolve(Course.isWindows() ? "java.exe" : "java");
    }

    /**
     * Runs the warm-up tests in the image, listing the classes they load, and archives those classes in the image's
     * default archive; an archive the JVM will not map under the test JVMs' flags is removed (the image still serves).
     */
    private static void archive(Path image, RunnerModule runner, Path work, Limits limits) throws IOException {
        Path src = work.resolve("warm-up/src/socketlabs/warmup/WarmUpTest.java");
        Fs.write(src, WARM_UP);
        Path classes = work.resolve("warm-up/classes");
        List<Path> cp = new ArrayList<>(runner.modulePath);
        cp.add(runner.dir);
        String errors = Javac.compile("17", List.of(src), cp, classes, work, work);
        if (errors != null) {
            throw new IllegalStateException("the warm-up tests do not compile: " + errors);
        }
        Path list = work.resolve("classes.lst");
        List<String> flags = flags(limits, work);
        List<String> cmd = new ArrayList<>();
        cmd.add(java(image).toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + list, "--add-modules", "ALL-SYSTEM", "-cp",
                classes.toString(), "-m", RunnerModule.MAIN, "run", "100", classes.toString(), WARM_UP_CLASS));
        TestJvm.Outcome o = TestJvm.run(cmd, work, "*", STEP_SECONDS * 1000);
        if (!o.done() || !Files.isRegularFile(list)) {
            throw new IllegalStateException("the warm-up run did not finish: " + o.stderrTail());
        }
        List<String> dump = new ArrayList<>();
        dump.add(java(image).toString());
        dump.addAll(flags);
        dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list));
        run(dump, work);
        List<String> check = new ArrayList<>();
        check.add(java(image).toString());
        check.addAll(flags);
        check.addAll(List.of("-Xshare:on", "-version"));
        if (exitCode(check, work) != 0) {
            Files.deleteIfExists(image.resolve("lib/server/classes.jsa"));
        }
    }

    /** The flags of a test JVM that bear on the archive (heap, collector, compiler, class space). */
    private static List<String> flags(Limits limits, Path tmp) {
        List<String> flags = new ArrayList<>(TestJvm.gradingFlags(limits, tmp).stream()
                .filter(f -> !f.startsWith("-Xshare")).collect(Collectors.toList()));
        flags.addAll(List.of("-XX:CompressedClassSpaceSize=128m", "-XX:-UsePerfData"));
        return flags;
    }

    private static void run(List<String> cmd, Path dir) {
        int rc = exitCode(cmd, dir);
        if (rc != 0) {
            String out = Fs.read(dir.resolve("output.txt"));
            throw new IllegalStateException(cmd.get(0) + " ended with exit code " + rc + ": "
                    + out.substring(Math.max(0, out.length() - 2000)));
        }
    }

    private static int exitCode(List<String> cmd, Path dir) {
        return Processes.exitCode(cmd, dir, STEP_SECONDS, dir.resolve("output.txt"));
    }
}
