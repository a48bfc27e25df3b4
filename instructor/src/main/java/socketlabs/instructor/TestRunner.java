package socketlabs.instructor;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import socketlabs.grading.TestRecorder;

/**
 * The main class of a grading test JVM, started by the grader with the lab's test classpath. It
 * reads its channel key from standard input before any test or student class is loaded, then
 * reports each test over the signed {@link Channel}: on a descriptor of its own in the sandbox
 * (which no code under test can name), on standard output elsewhere. Student code's own printing
 * goes to standard error, which the grader keeps only as a diagnostic.
 *
 * <pre>
 * TestRunner list CLASS...                              the graded tests of these classes
 * TestRunner run MAX_THREADS TEST_CLASSES_DIR CLASS[,CLASS...] [junit.key=value ...]
 * stdin: line 1 the key (Base64); line 2 "*" for the whole classes, or the test keys to run, tab-separated;
 *        line 3 the descriptor to write events to (in the sandbox: {@link Jail#EVENTS_FD}), or nothing for standard output
 * </pre>
 */
public final class TestRunner {
    private static final String[] QUIET_LISTENERS = {"junit.platform.execution.listeners.deactivate", "socketlabs.grading.*"};

    private TestRunner() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        byte[] key = Base64.getDecoder().decode(String.valueOf(in.readLine()).trim());
        String selection = String.valueOf(in.readLine()).trim();
        String eventsFd = String.valueOf(in.readLine()).trim();
        System.setIn(new ByteArrayInputStream(new byte[0]));
        PrintStream events = new PrintStream(new FileOutputStream(eventsFd.matches("[0-9]+") ? inherited(Integer.parseInt(eventsFd))
                : FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Channel channel = new Channel(key);
        Arrays.fill(key, (byte) 0);
        // the grading module's own listener stays out: JUnit reads this when the launcher is made, not
        // from the request (it would write result files and hold a System.exit, which the grader reports itself)
        System.setProperty(QUIET_LISTENERS[0], QUIET_LISTENERS[1]);
        // the key stops forged lines from the code under test's own printing; code in this same JVM could still
        // reach it (a heap dump), which is why, in the sandbox, the events go where that code cannot write at all
        Consumer<Event> emit = event -> {
            synchronized (events) {
                events.print("\n" + channel.sign(event.toJson()) + "\n");
                events.flush();
            }
        };

        if (args.length > 0 && args[0].equals("list")) {
            list(Arrays.asList(args).subList(1, args.length), emit);
        } else if (args.length >= 4 && args[0].equals("run")) {
            int maxThreads = Integer.parseInt(args[1]);
            watchThreads(maxThreads, emit);
            preload(Path.of(args[2]));
            try {
                run(args[3], selection, Arrays.asList(args).subList(4, args.length), emit);
            } catch (Throwable e) {
                // JUnit rethrows what it cannot recover from (OutOfMemoryError): the JVM ends now, its cause on standard
                // error for the grader's wording, whatever threads the code under test left running
                try {
                    e.printStackTrace();
                } finally {
                    Runtime.getRuntime().halt(1);
                }
            }
        } else {
            throw new IllegalArgumentException("usage: TestRunner list CLASS... | run MAX_THREADS DIR CLASS[,CLASS...] [key=value...]");
        }
        emit.accept(new Event.Done());
        Runtime.getRuntime().halt(0); // student threads and shutdown hooks must not hold the JVM
    }

    /**
     * A descriptor the grader left open for this JVM (the sandbox's results channel). Java has no public way to
     * name one, which is the point: only this module, to which the grader opens java.io, can.
     */
    private static FileDescriptor inherited(int fd) {
        try {
            FileDescriptor d = new FileDescriptor();
            java.lang.reflect.Field f = FileDescriptor.class.getDeclaredField("fd");
            f.setAccessible(true);
            f.setInt(d, fd);
            return d;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the grader's results descriptor " + fd + " cannot be opened: " + e, e);
        }
    }

    private static void list(List<String> classes, Consumer<Event> emit) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).collect(Collectors.toList()))
                .configurationParameter(QUIET_LISTENERS[0], QUIET_LISTENERS[1])
                .build();
        TestPlan plan = LauncherFactory.create().discover(request);
        TestRecorder.discover(plan).forEach(t -> emit.accept(new Event.Listed(t)));
    }

    private static void run(String classNames, String selection, List<String> config, Consumer<Event> emit) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (selection.equals("*") || selection.isEmpty()) {
            for (String className : classNames.split(",")) {
                selectors.add(DiscoverySelectors.selectClass(className));
            }
        } else {
            for (String key : selection.split("\t")) {
                selectors.add(methodSelector(key));
            }
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(QUIET_LISTENERS[0], QUIET_LISTENERS[1]);
        for (String c : config) {
            int eq = c.indexOf('=');
            request.configurationParameter(c.substring(0, eq), c.substring(eq + 1));
        }
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request.build(), new RunnerListener(emit));
    }

    /** A selector for one test key, {@code class#method(types)}, in a nested class too ({@code Outer$Inner}). */
    private static DiscoverySelector methodSelector(String key) {
        String cls = key.substring(0, key.indexOf('#'));
        if (!cls.contains("$")) {
            return DiscoverySelectors.selectMethod(key);
        }
        String method = key.substring(key.indexOf('#') + 1, key.indexOf('('));
        String types = key.substring(key.indexOf('(') + 1, key.lastIndexOf(')'));
        List<String> enclosing = new ArrayList<>();
        for (int i = cls.indexOf('$'); i >= 0; i = cls.indexOf('$', i + 1)) {
            enclosing.add(cls.substring(0, i));
        }
        return DiscoverySelectors.selectNestedMethod(enclosing, cls, method, types);
    }

    /** Stops a thread bomb: past the limit the JVM reports it and ends itself. */
    private static void watchThreads(int maxThreads, Consumer<Event> emit) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread watchdog = new Thread(() -> {
            while (true) {
                int count = threads.getThreadCount();
                if (count > maxThreads) {
                    emit.accept(new Event.ThreadLimit(count));
                    Runtime.getRuntime().halt(3);
                }
                try {
                    Thread.sleep(20); // a poll, not a test pause: this is the grader's own watchdog
                } catch (InterruptedException ignored) {
                    // the watchdog ignores interrupts from the code under test
                }
            }
        }, "grading-thread-limit");
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.start();
    }

    /** Loads every test class now, so that a test class file rewritten during the run is never used. */
    private static void preload(Path testClasses) throws IOException {
        if (!Files.isDirectory(testClasses)) {
            return;
        }
        List<String> names;
        try (Stream<Path> files = Files.walk(testClasses)) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> testClasses.relativize(p).toString())
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                    .collect(Collectors.toList());
        }
        ClassLoader loader = TestRunner.class.getClassLoader();
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot load fails its own tests when they run
            }
        }
    }
}
