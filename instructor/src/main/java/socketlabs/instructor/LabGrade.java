package socketlabs.instructor;

import java.util.List;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Results;

/**
 * What the grader found for one lab of a submission: each test of the lab's catalogue with its
 * outcome, the compiler's messages when it did not compile, notes for the student and flags for
 * the instructor.
 */
record LabGrade(String lab, State state, List<GradedTest> tests, String compilerOutput, List<String> notes,
                List<String> flags, double seconds) {

    /** The tests in task order, as the Maven path's tables have them, whatever order the test JVMs ran in. */
    LabGrade {
        tests = Results.inTaskOrder(tests);
    }

    /** How far grading a lab got; every state but {@link #GRADED} means no test ran. */
    enum State {
        GRADED("graded"),
        NOT_HANDED_IN("not handed in"),
        UNREADABLE("could not be read"),
        DID_NOT_COMPILE("did not compile"),
        CHANGED_TESTS("stopped: the code under test changed the compiled tests"),
        REFUSED_BY_POLICY("stopped: the code policy");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    int score() {
        return tests.stream().mapToInt(GradedTest::score).sum();
    }

    int maxScore() {
        return tests.stream().mapToInt(GradedTest::maxScore).sum();
    }

    /** The tests that skipped themselves (say, raw sockets where the machine has none): they earn nothing. */
    List<GradedTest> skipped() {
        return tests.stream().filter(t -> t.status() == GradedTest.Status.SKIPPED).toList();
    }

    /** One sentence about the skipped tests, or null when none was skipped. */
    String skippedNote() {
        List<GradedTest> s = skipped();
        return s.isEmpty() ? null : s.size() + " test(s) skipped themselves on the grading machine ("
                + s.stream().mapToInt(GradedTest::maxScore).sum() + " points); a skipped test earns nothing";
    }
}
