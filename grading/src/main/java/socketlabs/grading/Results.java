package socketlabs.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results of one grading run. Each test JVM records its tests in a part file of its own
 * ({@code parts/RUN-...json}); this class merges the parts of one run into Gradescope's
 * {@code results.json} and into the summary table that students read.
 */
public final class Results {
    public static final String RESULTS_FILE = "results.json";
    static final String PARTS_DIR = "parts";
    private static final int TASK_WIDTH = 56;

    private final List<GradedTest> tests;
    private final boolean finished;

    private Results(List<GradedTest> tests, boolean finished) {
        this.tests = tests;
        this.finished = finished;
    }

    public List<GradedTest> tests() {
        return tests;
    }

    /** True when every test JVM of the run reached its end; false after a crash or System.exit. */
    public boolean finished() {
        return finished;
    }

    public int score() {
        return tests.stream().mapToInt(GradedTest::score).sum();
    }

    public int maxScore() {
        return tests.stream().mapToInt(GradedTest::maxScore).sum();
    }

    /** Writes one test JVM's part file, replacing the previous version of it. */
    static void writePart(Path dir, String run, String part, boolean finished, List<GradedTest> tests) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("finished", finished);
        json.put("tests", tests.stream().map(GradedTest::toJson).collect(Collectors.toList()));
        writeAtomically(dir.resolve(PARTS_DIR).resolve(part + ".json"), Json.write(json));
    }

    /** Deletes the part files that other runs left behind. */
    static void deleteStaleParts(Path dir, String run) {
        for (Path p : partFiles(dir)) {
            if (!p.getFileName().toString().startsWith(run + "-")) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a stale part that cannot be deleted is skipped by its run id anyway
                }
            }
        }
    }

    /**
     * Merges the parts of run {@code run} found under {@code dir}. A test that a JVM did not reach
     * (its JVM ended first) and a later JVM ran ({@link Resume}) counts once, with the outcome it
     * got. The run is finished when every JVM reached its end, or when every test it knows of has
     * an outcome (the tests after a crash ran in a fresh JVM; the one that was running is failed).
     */
    public static Results collect(Path dir, String run) {
        Map<String, GradedTest> all = new LinkedHashMap<>();
        boolean everyPartFinished = true;
        int parts = 0;
        for (Path p : partFiles(dir)) {
            Map<?, ?> json;
            try {
                json = (Map<?, ?>) Json.parse(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                continue; // a part being replaced right now; the next merge reads it
            }
            if (!run.equals(json.get("run"))) {
                continue;
            }
            parts++;
            boolean partFinished = Boolean.TRUE.equals(json.get("finished"));
            everyPartFinished &= partFinished;
            List<GradedTest> inPart = new ArrayList<>();
            for (Object o : (List<?>) json.get("tests")) {
                inPart.add(GradedTest.fromJson((Map<?, ?>) o));
            }
            long inFlight = inPart.stream().filter(t -> t.status == GradedTest.Status.RUNNING).count();
            for (GradedTest t : inPart) {
                if (!partFinished && t.status == GradedTest.Status.RUNNING) {
                    // the JVM ended with no chance to record it (Runtime.halt, a crash, a kill)
                    if (inFlight == 1) {
                        t.fail(GradingListener.EXITED);
                    } else {
                        // tests that ran side by side: which one ended the JVM is not known, so each runs
                        // again, one at a time, in a fresh JVM (Resume)
                        t.status = GradedTest.Status.NOT_RUN;
                        t.output = GradingListener.IN_FLIGHT;
                    }
                }
                GradedTest seen = all.get(t.key);
                if (seen == null || !seen.done() && t.done()) {
                    all.put(t.key, t);
                }
            }
        }
        boolean finished = parts > 0 && (everyPartFinished || all.values().stream().allMatch(GradedTest::done));
        return new Results(inTaskOrder(new ArrayList<>(all.values())), finished);
    }

    /**
     * The tests of run {@code run} that no JVM reached: a JVM ended (a crash, {@code Runtime.halt},
     * a kill) before their turn, and no later JVM ran them. The test that was running when a JVM
     * ended is not among them: it failed. Tests that were running side by side when it ended are:
     * they run again, one at a time.
     */
    static List<GradedTest> notReached(Path dir, String run) {
        return collect(dir, run).tests().stream().filter(t -> t.status == GradedTest.Status.NOT_RUN).toList();
    }

    private static List<Path> partFiles(Path dir) {
        Path parts = dir.resolve(PARTS_DIR);
        if (!Files.isDirectory(parts)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parts)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Groups tests by task, tasks in their order ({@link Tasks#ORDER}), stable otherwise. */
    /**
     * The tests in task order (by task number, then letter; a task's classes in the order first
     * seen), each task's tests in their run order: the order of every table of scores.
     */
    public static List<GradedTest> inTaskOrder(List<GradedTest> tests) {
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (GradedTest t : tests) {
            firstSeen.putIfAbsent(t.task, firstSeen.size());
        }
        Comparator<GradedTest> byTask = Comparator.comparing((GradedTest t) -> t.task, Tasks.ORDER)
                .thenComparingInt(t -> firstSeen.get(t.task));
        List<GradedTest> sorted = new ArrayList<>(tests);
        sorted.sort(byTask); // List.sort is stable: tests keep their run order within a task
        return sorted;
    }

    /** Writes {@code results.json} in Gradescope's shape; the total is the sum of the tests. */
    public void writeResultsJson(Path dir, String title) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", score());
        json.put("max_score", maxScore());
        Messages words = Messages.current();
        json.put("output", finished
                ? words.get("results.output", title, score(), maxScore())
                : words.get("results.output.unfinished", title));
        json.put("visibility", "visible");
        json.put("stdout_visibility", "visible");
        List<Map<String, Object>> list = new ArrayList<>();
        for (GradedTest t : tests) {
            String status = words.get(t.status.messageKey());
            list.add(t.gradescopeEntry(t.fullName(), t.output.isEmpty() ? status : status + ": " + t.output));
        }
        json.put("tests", list);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("lab", title);
        extra.put("finished", finished);
        json.put("extra_data", extra);
        writeAtomically(dir.resolve(RESULTS_FILE), Json.write(json));
    }

    /** The table students read: each task with its tests and points, then each failure's message. */
    public String summary(String title, boolean showFailures) {
        return summary(title, showFailures, Messages.current());
    }

    /** The table in the words of {@code words}; task names and failure messages are the tests' own. */
    String summary(String title, boolean showFailures, Messages words) {
        String rule = "-".repeat(78);
        StringBuilder out = new StringBuilder();
        out.append(rule).append('\n').append(' ').append(words.get("summary.title", title)).append('\n').append(rule).append('\n');
        out.append(row(words.get("summary.task"), words.get("summary.passed"), words.get("summary.points")));
        String warmups = words.get("summary.warmups");
        Map<String, List<GradedTest>> byTask = tests.stream()
                .collect(Collectors.groupingBy(t -> t.task.isEmpty() ? warmups : t.task, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<GradedTest>> e : byTask.entrySet()) {
            List<GradedTest> ts = e.getValue();
            long passed = ts.stream().filter(t -> t.status == GradedTest.Status.PASSED).count();
            int score = ts.stream().mapToInt(GradedTest::score).sum();
            int max = ts.stream().mapToInt(GradedTest::maxScore).sum();
            out.append(row(clip(e.getKey(), TASK_WIDTH), passed + "/" + ts.size(), score + "/" + max));
        }
        out.append(row(words.get("summary.total"), "", score() + "/" + maxScore()));
        if (!finished) {
            out.append(' ').append(words.get("summary.unfinished")).append('\n');
        }
        if (showFailures) {
            List<GradedTest> failed = tests.stream().filter(t -> t.status != GradedTest.Status.PASSED).collect(Collectors.toList());
            if (!failed.isEmpty()) {
                out.append(rule).append('\n').append(' ').append(words.get("summary.not.passed", failed.size())).append('\n');
                for (GradedTest t : failed) {
                    out.append(String.format("%n [%s] %s  (%d/%d)%n", words.get(t.status.messageKey()), t.fullName(), t.score(), t.maxScore));
                    if (!t.output.isEmpty()) {
                        out.append(indent(t.output)).append('\n');
                    }
                }
            }
        }
        out.append(rule);
        return out.toString();
    }

    // columns measured in terminal cells, so that Korean headings (two cells a character) line up
    private static String row(String task, String passed, String points) {
        return " " + Messages.padRight(task, TASK_WIDTH) + " " + Messages.padLeft(passed, 8) + " " + Messages.padLeft(points, 10) + "\n";
    }

    private static String clip(String s, int width) {
        return Messages.width(s) <= width ? s : s.substring(0, Math.min(s.length(), width - 3)) + "...";
    }

    private static String indent(String text) {
        return text.lines().map(l -> "     " + l).collect(Collectors.joining("\n"));
    }

    static void writeAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".json");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
