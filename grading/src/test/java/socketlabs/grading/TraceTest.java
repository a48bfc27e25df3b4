package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import socketlabs.grading.fixtures.ParameterizedTracingFixture;

class TraceTest {
    @Test
    @DisplayName("a parameterized test keeps the traces of its failed cases: passed cases cannot use up its few places")
    void failedCasesKeepTheirTraces() {
        Map<String, GradedTest> results = new LinkedHashMap<>();
        TestRecorder recorder = new TestRecorder() {
            @Override
            protected void recorded() {
            }

            @Override
            protected void ended(GradedTest test) {
                results.put(test.key().replaceAll("^.*#", ""), test);
            }
        };
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ParameterizedTracingFixture.class)).build(),
                        recorder);
        assertEquals(1, results.size(), "one graded test for the six cases: " + results.keySet());
        GradedTest cases = results.values().iterator().next();
        assertEquals(GradedTest.Status.FAILED, cases.status());
        List<String> traces = cases.traces();
        assertEquals(1, traces.size(), "only the failed case's trace: " + traces);
        assertTrue(traces.get(0).contains("case 6"), "the trace of case 6, the one that failed: " + traces);
    }
}
