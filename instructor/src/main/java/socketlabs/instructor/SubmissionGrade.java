package socketlabs.instructor;

import java.time.Instant;
import java.util.List;

/** What the grader found for one submission: each lab's grade, under the limits it ran with. */
record SubmissionGrade(String student, List<LabGrade> labs, Limits limits, Instant gradedAt, double seconds) {
    int score() {
        return labs.stream().mapToInt(LabGrade::score).sum();
    }

    int maxScore() {
        return labs.stream().mapToInt(LabGrade::maxScore).sum();
    }

    List<String> flags() {
        return labs.stream().flatMap(l -> l.flags().stream().map(f -> l.lab() + ": " + f)).toList();
    }
}
