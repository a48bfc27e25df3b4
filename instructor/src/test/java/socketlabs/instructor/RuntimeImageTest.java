package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test JVMs' runtime image stands in for {@code --limit-modules}: a module a test JVM may not resolve must
 * not be in it at all, and what a test JVM needs must be. Built once here, in a folder of this test's own
 * (ten seconds or so: an end-to-end test). Built with {@code jdk.unsupported} added, two of these fail.
 */
@Tag(EndToEnd.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeImageTest {
    Path tmp;
    RunnerModule runner;
    Path image;

    @BeforeAll
    @Timeout(300)
    void build(@TempDir Path dir) {
        tmp = dir;
        runner = RunnerModule.build(Fixtures.lab(Fixtures.LAB).deps(), tmp.resolve("runner"));
        image = RuntimeImage.of(runner, tmp.resolve("kept"), Limits.DEFAULT);
    }

    private Set<String> modules() {
        String out = Processes.runQuietly(List.of(RuntimeImage.java(image).toString(), "--list-modules"), tmp, 60);
        return Arrays.stream(out.split("\n")).map(l -> l.replaceAll("@.*", "").trim()).filter(l -> !l.isEmpty())
                .collect(Collectors.toSet());
    }

    @Test
    void holdsNoDeniedModule() {
        assertNotNull(image, "no image was built: this JDK has jlink and its modules");
        Set<String> denied = modules().stream().filter(m -> RunnerModule.DENIED_JDK_MODULES.contains(m)
                || m.startsWith("jdk.internal.") || m.startsWith("jdk.incubator.")).collect(Collectors.toSet());
        assertEquals(Set.of(), denied, "modules a test JVM may not resolve are in its runtime");
    }

    @Test
    void holdsExactlyWhatTheRunnerMayResolve() {
        assertNotNull(image);
        assertEquals(runner.modules, modules(), "the image's modules are those --limit-modules would leave");
    }

    @Test
    void startsFromItsClassDataArchive() {
        assertNotNull(image);
        assertTrue(Files.isRegularFile(image.resolve("lib/server/classes.jsa")), "no class-data archive in the image");
        // -Xshare:on fails rather than start without the archive
        String out = Processes.runQuietly(List.of(RuntimeImage.java(image).toString(), "-Xshare:on", "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompressedClassSpaceSize=128m", "-Xlog:cds=off",
                "-version"), tmp, 60);
        assertTrue(out.contains("sharing"), out);
    }

    @Test
    void isKeptAndTakenAgain() {
        assertNotNull(image);
        assertEquals(image, RuntimeImage.of(runner, tmp.resolve("kept"), Limits.DEFAULT), "a second grader built it again");
    }
}
