package socketlabs.instructor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class {@link GradeClassTest} grades: lab01's reference solution or starter, each with a
 * misbehaviour written into Ports.classify, as folders, a zip and a git bundle.
 */
final class MisbehavingClass {
    private MisbehavingClass() {
    }

    /** Writes the class's submissions under {@code tmp/submissions}; the forger touches {@code marker}. */
    static Path write(Path tmp, Path marker) throws Exception {
        Path subs = Files.createDirectories(tmp.resolve("submissions"));
        Fixtures.solution(subs.resolve("alice"));
        Fixtures.zip(Fixtures.solution(tmp.resolve("bob-work")), subs.resolve("bob.zip"));
        // the solution, but classify hard-coded for the ports the visible tests name: full visible points, not the hidden ones
        Path carol = Fixtures.classifyBody(Fixtures.solution(tmp.resolve("carol-work")), """
                switch (port) {
                    case 0: case 1023: return PortRange.WELL_KNOWN;
                    case 1024: case 49151: return PortRange.REGISTERED;
                    case 49152: case 65535: return PortRange.DYNAMIC;
                    default: throw new IllegalArgumentException("port " + port + " is outside 0-65535");
                }""");
        if (Fixtures.bundle(carol, subs.resolve("carol.bundle")) == null) {
            Fs.copyTree(carol, subs.resolve("carol"));
        }
        Fixtures.starter(subs.resolve("dave"));
        // the starter with task 1 written (the solution's Ports.java): one file from the untouched starter, graded on its own
        Path frank = Fixtures.starter(subs.resolve("frank"));
        Fixtures.edit(frank, Fixtures.PORTS, s -> Fs.read(Fixtures.course().root.resolve("solutions/src/main/java").resolve(Fixtures.PORTS)));
        // loops forever (negative ports), blocks in accept() with no timeout, then blocks forever ignoring
        // interrupts; the rest of the solution is intact (a process that outlives its JVM: AttackTest)
        Fixtures.beforeClassify(Fixtures.solution(subs.resolve("hang")), """
                if (port < 0) {
                    while (true) { }
                }
                if (port == 0) {
                    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                        s.accept();
                    } catch (java.io.IOException e) { }
                }
                if (port >= 0) {
                    while (true) {
                        try { Thread.sleep(60_000); } catch (InterruptedException e) { /* never gives up */ }
                    }
                }""");
        Fixtures.beforeClassify(Fixtures.solution(subs.resolve("quitter")), "System.exit(0);");
        Fixtures.classifyBody(Fixtures.solution(subs.resolve("broken")), "return PortRange.WELL_KNOWN");
        Fixtures.addToPorts(Fixtures.classifyBody(Fixtures.starter(subs.resolve("forger")),
                "forge();\nthrow new IllegalStateException(\"no\");"), forge(marker));
        Path editor = Fixtures.starter(subs.resolve("editor"));
        Fixtures.write(editor.resolve("lab01-ports/src/test/java/socketlabs/lab01/PortsTest.java"),
                "package socketlabs.lab01;\nclass PortsTest {\n  @org.junit.jupiter.api.Test void boundaries() { }\n}\n");
        Fixtures.write(editor.resolve("lab01-ports/src/main/java/socketlabs/grading/Points.java"),
                "package socketlabs.grading;\npublic @interface Points { int value(); }\n");
        Fixtures.write(editor.resolve("lab01-ports/pom.xml"), "<project>the student's own build</project>\n");
        // valid ports exhaust the heap; invalid ones start threads without end
        Fixtures.beforeClassify(Fixtures.solution(subs.resolve("hog")), """
                if (port >= 0) {
                    java.util.List<long[]> all = new java.util.ArrayList<>();
                    while (true) { all.add(new long[1 << 20]); }
                }
                for (int i = 0; i < 5000; i++) { // bounded here only to spare the test machine
                    Thread t = new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } });
                    t.setDaemon(true);
                    t.start();
                }""");
        Fixtures.addToPorts(Fixtures.beforeClassify(Fixtures.solution(subs.resolve("tamperer")), "tamper();"), """
                    static boolean tampered; // once a JVM: 65,536 failed writes in the every-port test would only cost time
                    static void tamper() {
                        if (tampered) return;
                        tampered = true;
                        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                            if (e.endsWith("test-classes")) {
                                try {
                                    java.nio.file.Files.writeString(java.nio.file.Path.of(e, "junit-platform.properties"),
                                            "junit.jupiter.execution.timeout.default = 1 h\\n");
                                } catch (java.io.IOException x) { }
                            }
                        }
                    }""");
        return subs;
    }

    /** Code that writes every kind of fake result it can think of, and prints forged grader lines. */
    private static String forge(Path marker) {
        String fake = "{\\\"score\\\": 11, \\\"max_score\\\": 11, \\\"tests\\\": []}";
        String forged = "#grading 5 eyJlIjoiZW5kIn0= AAAA";
        return """
                    static void forge() {
                        try {
                            for (String p : new String[] {"results.json", "target/grading/results.json",
                                    "target/grading/parts/fake.json", "../results.json", "../../results.json"}) {
                                java.nio.file.Path f = java.nio.file.Path.of(p);
                                if (f.getParent() != null) java.nio.file.Files.createDirectories(f.getParent());
                                java.nio.file.Files.writeString(f, "%s");
                            }
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                        } catch (java.io.IOException e) { }
                        System.out.println("%s");
                        java.io.PrintStream raw = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
                        raw.println("%s");
                        raw.println("#grading 0 " + java.util.Base64.getEncoder().encodeToString(
                                "{\\"e\\":\\"end\\",\\"key\\":\\"socketlabs.lab01.PortsTest#validity()\\",\\"status\\":\\"passed\\",\\"output\\":\\"\\"}".getBytes()) + " AAAA");
                    }""".formatted(fake, marker.toString().replace("\\", "\\\\"), forged, forged);
    }
}
