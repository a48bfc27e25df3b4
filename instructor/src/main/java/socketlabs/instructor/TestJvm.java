package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts one grading test JVM, hands it its channel key, collects the events it signs, and kills
 * it with every process it started when its time is up. What the grader reports comes only from
 * these verified events: the JVM's files, exit code and printing prove nothing.
 */
final class TestJvm {
    private static final int MAX_LINE = 1 << 20;
    private static final int STDERR_TAIL = 8192;

    /**
     * What one JVM run showed: its verified events, whether it ran out of time, and the end of its stderr.
     * {@code stalled}: it was stopped because one test ran (or, with no test running, nothing happened) for longer
     * than the time one test may take; {@code timedOut} is then true too, and {@code stalledTest} names that test
     * (null when no test was running). Tests run side by side, so each is timed on its own clock, from its own start.
     * {@code cleared}: the grader stopped it, as asked, after a test it ran had ended (one that timed out, whose
     * thread may still be running): no test is to blame, and the tests it had not reached run in a fresh JVM.
     */
    record Outcome(List<Event> events, boolean timedOut, int exitCode, String stderrTail, boolean done, boolean stalled,
                   String stalledTest, boolean cleared) {
        Outcome(List<Event> events, boolean timedOut, int exitCode, String stderrTail, boolean done) {
            this(events, timedOut, exitCode, stderrTail, done, false, null, false);
        }
    }

    /** How many test JVMs this grader has started (the toolkit's tests count them). */
    static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    // the test JVMs running now: if the grader is stopped (Ctrl-C), none of them outlives it
    private static final java.util.Set<ProcessHandle> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Processes::killTree), "grader-kill-test-jvms"));
    }

    private TestJvm() {
    }

    /** The flags of a JVM that runs graded tests under {@code limits}, its temporary files in {@code tmp}. */
    static List<String> gradingFlags(Limits limits, Path tmp) {
        return List.of("-Xmx" + limits.heapMegabytes() + "m", "-XX:MaxMetaspaceSize=256m", "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC", "-Xshare:auto",
                // the quick compiler only: a third less CPU for these short runs, which matters on a shared grader
                "-XX:TieredStopAtLevel=1",
                "-XX:+DisableAttachMechanism", "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8");
    }

    /** The command line of a test JVM: java, its flags and classpath, then {@link TestRunner} and its arguments. */
    static List<String> command(List<String> flags, List<Path> classpath, List<String> runnerArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Course.javaExecutable());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add(TestRunner.class.getName());
        cmd.addAll(runnerArgs);
        return cmd;
    }

    /** Runs one test JVM ({@code command}, from {@link #command}) to its end or to {@code timeoutMillis}. */
    static Outcome run(List<String> command, Path dir, String selection, long timeoutMillis) {
        return run(command, dir, selection, timeoutMillis, null);
    }

    /** As {@link #run(List, Path, String, long)}, the JVM writing its events to descriptor {@code eventsFd} (null: stdout). */
    static Outcome run(List<String> command, Path dir, String selection, long timeoutMillis, Integer eventsFd) {
        return run(command, dir, selection, timeoutMillis, 0, e -> false, eventsFd);
    }

    /**
     * As {@link #run(List, Path, String, long, Integer)}, and stopped early when one test has run for longer than
     * {@code testMillis} since its own start (however many tests run beside it), or when no test is running and none
     * has started or ended for that long (0: no such limit): a JVM that runs many test classes must not let one
     * blocked test take the time of all of them. After an event that {@code clearAfter}
     * accepts, the JVM is stopped ({@link Outcome#cleared}).
     */
    static Outcome run(List<String> command, Path dir, String selection, long timeoutMillis, long testMillis,
                       java.util.function.Predicate<Event> clearAfter, Integer eventsFd) {
        byte[] key = Channel.newKey();
        Channel channel = new Channel(key);
        Watch watch = new Watch(clearAfter);
        List<Event> events = new ArrayList<>() {
            @Override
            public boolean add(Event e) {
                watch.saw(e);
                return super.add(e);
            }
        };
        StringBuilder stderr = new StringBuilder();
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test JVM: " + command.get(0), e);
        }
        LIVE.add(p.toHandle());
        STARTED.incrementAndGet();
        Thread out = new Thread(() -> readEvents(p.getInputStream(), channel, events), "grader-events");
        Thread err = new Thread(() -> keepTail(p.getErrorStream(), stderr), "grader-stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
        boolean timedOut = false;
        boolean stalled = false;
        String stalledTest = null;
        boolean cleared = false;
        try (OutputStream in = p.getOutputStream()) {
            in.write((Base64.getEncoder().encodeToString(key) + "\n" + selection + "\n" + (eventsFd == null ? "" : eventsFd)
                    + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JVM died at once; its outcome says so
        }
        try {
            // poll, remembering every process the JVM starts, so that none outlives it as an orphan
            java.util.Set<ProcessHandle> started = new java.util.HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            // short waits, so that a JVM to clear is stopped soon; the process table is walked only every 200 ms
            for (int tick = 0; !p.waitFor(Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))),
                    TimeUnit.MILLISECONDS); tick++) {
                if (watch.clear) {
                    cleared = true;
                    break;
                }
                if (tick % 4 == 0) {
                    p.descendants().forEach(started::add);
                }
                if (System.nanoTime() >= deadline) {
                    timedOut = true;
                    break;
                }
                String overdue = testMillis > 0 ? watch.overdue(TimeUnit.MILLISECONDS.toNanos(testMillis)) : null;
                if (overdue != null) {
                    timedOut = true;
                    stalled = true;
                    stalledTest = overdue.isEmpty() ? null : overdue;
                    break;
                }
            }
            Processes.killTree(p.toHandle());
            started.forEach(ProcessHandle::destroyForcibly);
            LIVE.remove(p.toHandle());
            p.waitFor(10, TimeUnit.SECONDS);
            out.join(5000);
            err.join(1000);
        } catch (InterruptedException e) {
            Processes.killTree(p.toHandle());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        }
        List<Event> seen;
        synchronized (events) {
            seen = new ArrayList<>(events);
        }
        boolean done = seen.stream().anyMatch(e -> e instanceof Event.Done);
        String tail;
        synchronized (stderr) {
            tail = stderr.toString();
        }
        return new Outcome(seen, timedOut, p.isAlive() ? -1 : p.exitValue(), tail, done, stalled, stalledTest,
                cleared && !done);
    }

    /**
     * The tests running now, each with its own start (tests run side by side), and when the JVM last started or ended
     * a test (or itself started): the measures of a test, or a pause between tests, that lasts too long.
     */
    private static final class Watch {
        private final java.util.function.Predicate<Event> clearAfter;
        private final java.util.Map<String, Long> running = new java.util.LinkedHashMap<>();
        private long since = System.nanoTime();
        volatile boolean clear;

        Watch(java.util.function.Predicate<Event> clearAfter) {
            this.clearAfter = clearAfter;
        }

        synchronized void saw(Event e) {
            if (e instanceof Event.Started s) {
                since = System.nanoTime();
                running.putIfAbsent(s.key(), since);
            } else if (e instanceof Event.Ended end) {
                since = System.nanoTime();
                running.remove(end.key());
            }
            if (clearAfter.test(e)) {
                clear = true;
            }
        }

        /**
         * The test that has run for longer than {@code nanos} (the one that started first), "" when no test is running
         * and nothing has happened for that long, or null when neither.
         */
        synchronized String overdue(long nanos) {
            long now = System.nanoTime();
            if (running.isEmpty()) {
                return now - since > nanos ? "" : null;
            }
            java.util.Map.Entry<String, Long> first = running.entrySet().iterator().next();
            return now - first.getValue() > nanos ? first.getKey() : null;
        }
    }

    private static void readEvents(InputStream stream, Channel channel, List<Event> events) {
        try (Reader r = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean overlong = false;
            for (int c; (c = r.read()) != -1; ) {
                if (c == '\n') {
                    if (!overlong) {
                        accept(line.toString(), channel, events);
                    }
                    line.setLength(0);
                    overlong = false;
                } else if (line.length() < MAX_LINE) {
                    line.append((char) c);
                } else {
                    overlong = true; // a flood without newlines is dropped, never kept in memory
                }
            }
        } catch (IOException ignored) {
            // the JVM ended
        }
    }

    private static void accept(String line, Channel channel, List<Event> events) {
        String json = channel.verify(line.trim());
        Event event = json == null ? null : Event.parse(json);
        if (event != null) {
            synchronized (events) {
                events.add(event);
            }
        }
    }

    private static void keepTail(InputStream stream, StringBuilder tail) {
        byte[] buf = new byte[8192];
        try (InputStream in = stream) {
            for (int n; (n = in.read(buf)) != -1; ) {
                synchronized (tail) {
                    tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > 2 * STDERR_TAIL) {
                        tail.delete(0, tail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException ignored) {
            // the JVM ended
        }
        synchronized (tail) {
            if (tail.length() > STDERR_TAIL) {
                tail.delete(0, tail.length() - STDERR_TAIL);
            }
        }
    }
}
