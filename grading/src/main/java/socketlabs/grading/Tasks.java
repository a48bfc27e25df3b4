package socketlabs.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's task is its class's {@code @DisplayName}, "Task 4c · Sliding window": the report's rows
 * group by it, in number order. This class states the rules a lab's tasks keep, which the report
 * step checks on every build.
 */
public final class Tasks {
    static final Pattern LABEL = Pattern.compile("^Task (\\d+)[a-z]? · \\S.*");
    private static final Pattern NUMBER = Pattern.compile("^Task (\\d+)([a-z]?)");
    private static final String HOW = " (docs/INSTRUCTOR.md, \"Adding a lab\", says how tests name their task)";

    private Tasks() {
    }

    /** The task's number ("Task 4c · ..." is 4), or the largest int for a label that has none. */
    static int number(String task) {
        Matcher m = NUMBER.matcher(task);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The order of tasks: by number, then by letter ("Task 4a" before "Task 4b" before "Task 10"). */
    static final Comparator<String> ORDER = Comparator.comparingInt(Tasks::number).thenComparing(Tasks::letter);

    private static String letter(String task) {
        Matcher m = NUMBER.matcher(task);
        return m.find() ? m.group(2) : "";
    }

    /**
     * What is wrong with the tasks of one lab's graded tests (those with points), one line per test
     * class; empty when nothing is.
     */
    public static List<String> problems(List<GradedTest> tests) {
        Set<String> visibleTasks = new LinkedHashSet<>();
        tests.stream().filter(t -> !t.hidden() && t.maxScore() > 0).forEach(t -> visibleTasks.add(t.task()));
        Set<String> out = new LinkedHashSet<>();
        for (GradedTest t : tests) {
            if (t.maxScore() == 0) {
                continue; // a warm-up or a structure check may stand apart from the tasks
            }
            if (!LABEL.matcher(t.task()).matches()) {
                out.add(t.className() + ": its task is \"" + t.task() + "\"; give the class"
                        + " @DisplayName(\"Task N · Title\") with the number and title of its task in the lab's README" + HOW);
            } else if (t.hidden() && !visibleTasks.isEmpty() && !visibleTasks.contains(t.task())) {
                out.add(t.className() + " (hidden): its task \"" + t.task() + "\" is no visible test's task, so its points"
                        + " would count in no task's row; give it the @DisplayName of the visible test class of its task,"
                        + " one of " + visibleTasks + HOW);
            }
        }
        return new ArrayList<>(out);
    }
}
