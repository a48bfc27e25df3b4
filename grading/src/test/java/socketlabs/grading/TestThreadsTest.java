package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import socketlabs.grading.fixtures.ThreadMarkingFixture;

class TestThreadsTest {
    @ParameterizedTest(name = "extension auto-detection {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("tests run side by side each see their own threads, inherited down from JUnit's time-out thread, and not the other's")
    void sideBySideTestsSeeOnlyTheirThreads(boolean autodetection) {
        // as the labs' tests run: the grader with auto-detection off, the Maven path with it on
        // (TestThreads then registered twice: by META-INF/services and by @ExtendWith)
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ThreadMarkingFixture.class))
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", String.valueOf(autodetection))
                        .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                        .build(), summary);
        TestExecutionSummary result = summary.getSummary();
        StringWriter failures = new StringWriter();
        result.printFailuresTo(new PrintWriter(failures), 20);
        assertEquals(2, result.getTestsSucceededCount(), "both fixture tests pass: " + failures);
    }
}
