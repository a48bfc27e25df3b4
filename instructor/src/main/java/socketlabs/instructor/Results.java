package socketlabs.instructor;

import java.time.Instant;
import java.util.List;

/** What the grader observed for one submission: each lab's tests, scored from the catalogue. */
final class Results {
    private Results() {
    }

    /** One graded unit's outcome; {@code status} is passed, failed, skipped or not run. */
    record Test(Lab.Entry entry, String status, String output) {
        int score() {
            return status.equals("passed") ? entry.points() : 0;
        }
    }

    /**
     * One lab's outcome. {@code state}: graded, "did not compile", "not handed in", or
     * "stopped: grader files changed".
     */
    record LabResult(String lab, String state, List<Test> tests, String compilerOutput, List<String> notes,
                     List<String> flags, double seconds) {
        int score() {
            return tests.stream().mapToInt(Test::score).sum();
        }

        int maxScore() {
            return tests.stream().mapToInt(t -> t.entry().points()).sum();
        }

        /** The tests that skipped themselves (say, raw sockets where the machine has none): they earn nothing. */
        List<Test> skipped() {
            return tests.stream().filter(t -> t.status().equals("skipped")).toList();
        }

        /** One sentence about the skipped tests, or null when none was skipped. */
        String skippedNote() {
            List<Test> s = skipped();
            return s.isEmpty() ? null : s.size() + " test(s) skipped themselves on the grading machine ("
                    + s.stream().mapToInt(t -> t.entry().points()).sum() + " points); a skipped test earns nothing";
        }
    }

    record Submission(String student, List<LabResult> labs, Limits limits, Instant gradedAt, double seconds) {
        int score() {
            return labs.stream().mapToInt(LabResult::score).sum();
        }

        int maxScore() {
            return labs.stream().mapToInt(LabResult::maxScore).sum();
        }

        List<String> flags() {
            return labs.stream().flatMap(l -> l.flags().stream().map(f -> l.lab() + ": " + f)).toList();
        }
    }
}
