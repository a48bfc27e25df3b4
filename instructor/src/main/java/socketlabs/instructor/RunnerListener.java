package socketlabs.instructor;

import java.util.function.Consumer;
import socketlabs.grading.GradedTest;
import socketlabs.grading.TestRecorder;

/**
 * Inside a grading test JVM: sends the grader an {@link Event} when a test starts and when it has
 * its outcome. The outcomes are the grading module's ({@link TestRecorder}), so a test is graded
 * and worded the same way by the lab builds and by the grader.
 */
final class RunnerListener extends TestRecorder {
    private static final int MAX_OUTPUT = 4000;
    private final Consumer<Event> emit;

    RunnerListener(Consumer<Event> emit) {
        this.emit = emit;
    }

    @Override
    protected void started(GradedTest test) {
        emit.accept(new Event.Started(test.key()));
    }

    @Override
    protected void ended(GradedTest test) {
        String output = test.output().length() > MAX_OUTPUT ? test.output().substring(0, MAX_OUTPUT) + " [...]" : test.output();
        emit.accept(new Event.Ended(test.key(), test.status(), output, test.traces()));
    }

    @Override
    protected void recorded() {
        // the grader keeps the record: each event is sent as it happens
    }
}
