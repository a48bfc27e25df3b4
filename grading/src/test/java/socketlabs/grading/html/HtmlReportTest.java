package socketlabs.grading.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;
import socketlabs.grading.TestRecorder;
import socketlabs.grading.fixtures.TracingFixture;

class HtmlReportTest {
    private static final Messages EN = Messages.of("en");
    private static final String ATTACK = "\"'><script>alert(1)</script><img src=x onerror=alert(2)></pre></div><svg onload=alert(3)>";

    private static GradedTest test(String key, String name, int points, boolean hidden, GradedTest.Status status, String output) {
        return new GradedTest(key, "Task 1 · Sample", name, points, hidden).withOutcome(status, output);
    }

    private static String transfer(List<String> sent, List<String> expected) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", "transfer");
        List<Object> s = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            s.add(Map.of("t", i * 10, "seg", sent.get(i)));
        }
        t.put("sent", s);
        t.put("acks", List.of());
        t.put("expected", expected);
        return Json.write(t);
    }

    private static String page(GradedTest... tests) {
        return HtmlReport.page("lab03-udp", "", List.of(new HtmlReport.Lab("lab03-udp", "", List.of(tests), List.of())), EN);
    }

    @Test
    @DisplayName("the page is self-contained: no script, nothing fetched, a policy that forbids both")
    void selfContained() {
        String html = page(test("a.B#c()", "passes", 2, false, GradedTest.Status.PASSED, ""));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"), html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing from the network");
        assertTrue(html.contains("Score: 2/2"), html);
        assertTrue(html.contains("Every test passed."), html);
    }

    @Test
    @DisplayName("the score of each task as a bar, and each failure with what it expected and what happened")
    void structure() {
        String html = page(test("a.B#c()", "echoes one line", 2, false, GradedTest.Status.PASSED, ""),
                test("a.B#d()", "echoes two lines", 3, false, GradedTest.Status.FAILED, "sent two lines; got one"));
        assertTrue(html.contains("<td>Task 1 · Sample</td><td class=\"num\">1/2</td><td class=\"num\">2/5</td>"), html);
        assertTrue(html.contains("aria-label=\"2/5\""), "a bar for the task: " + html);
        assertTrue(html.contains("Not passed (1):"), html);
        assertTrue(html.contains("Expected: echoes two lines."), html);
        assertTrue(html.contains("<pre>sent two lines; got one</pre>"), html);
        assertFalse(html.contains("Expected: echoes one line."), "a passed test is not listed as a failure");
    }

    @Test
    @DisplayName("attack: a test's output, name and trace cannot inject markup, a script or an attribute")
    void hostileTextIsEscaped() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "transfer");
        trace.put("title", ATTACK);
        trace.put("sent", List.of(Map.of("t", 1, "seg", ATTACK), Map.of("t", 2, "seg", "0", "fate", ATTACK)));
        trace.put("acks", List.of(Map.of("t", 3, "n", 1)));
        trace.put("expected", List.of(ATTACK, "1"));
        Map<String, Object> bytes = Map.of("kind", "bytes", "expected", "4500", "actual", "4501", "title", ATTACK);
        GradedTest hostile = new GradedTest("x.Y" + ATTACK + "#z()", ATTACK, ATTACK, 1, false)
                .withOutcome(GradedTest.Status.FAILED, ATTACK).withTraces(List.of(Json.write(trace), Json.write(bytes), ATTACK));
        String html = HtmlReport.page(ATTACK, "", List.of(new HtmlReport.Lab(ATTACK, ATTACK, List.of(hostile), List.of(ATTACK))), EN);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "a script element got through: " + html);
        assertFalse(lower.contains("<img"), "an img element got through");
        assertFalse(lower.contains("<svg onload"), "an svg with a handler got through");
        // every real tag (text's "<" is escaped, so only the page's own tags match) is free of event handlers
        Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(tag).find(),
                    () -> "an event handler attribute got through: " + tag);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is shown, escaped");
        assertTrue(html.contains("&quot;&#39;&gt;"), "quotes escaped, so no attribute can be closed");
    }

    @Test
    @DisplayName("a hidden test is named and marked hidden, and what it recorded is not drawn")
    void hiddenTests() {
        GradedTest hidden = test("a.HiddenB#c()", "resends the window", 2, true, GradedTest.Status.FAILED, "sent 0 1 0")
                .withTraces(List.of(transfer(List.of("0", "1", "0"), List.of("0", "1", "0", "1"))));
        GradedTest visible = test("a.B#c()", "resends the window", 2, false, GradedTest.Status.FAILED, "sent 0 1 0")
                .withTraces(List.of(transfer(List.of("0", "1", "0"), List.of("0", "1", "0", "1"))));
        String hiddenPage = page(hidden);
        assertTrue(hiddenPage.contains("(hidden test)"), hiddenPage);
        assertFalse(hiddenPage.contains("<svg class=\"transfer\""), "no diagram of a hidden test: " + hiddenPage);
        assertTrue(page(visible).contains("<svg class=\"transfer\""), "the same trace of a visible test is drawn");
    }

    @Test
    @DisplayName("a Go-Back-N sender that resends only the base segment: the diagram shows the resends it is missing")
    void missingRetransmissions() {
        List<String> expected = List.of("0", "1", "2", "3", "0", "1", "2", "3", "0", "1", "2", "3");
        GradedTest t = test("a.GoBackNSequenceTest#silent()", "sends 0 1 2 3 three times", 3, false, GradedTest.Status.FAILED, "")
                .withTraces(List.of(transfer(List.of("0", "1", "2", "3", "0", "0"), expected)));
        String html = page(t);
        Matcher missing = Pattern.compile("DATA ([0-9]+) \u2014 missing").matcher(html);
        List<String> found = new ArrayList<>();
        while (missing.find()) {
            found.add(missing.group(1));
        }
        assertEquals(List.of("1", "2", "3", "1", "2", "3"), found, "each round's resends of 1, 2 and 3 are drawn as missing");
        String mine = html.substring(0, html.indexOf("</figure>"));
        assertEquals(2, mine.split(">time-out<", -1).length - 1, "two time-outs in the student's run");
    }

    @Test
    @DisplayName("a transfer through the seeded channel: a dropped datagram stops half-way with a cross, a duplicate and a late one are marked")
    void channelFates() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "transfer");
        trace.put("sent", List.of(Map.of("t", 0, "seg", "0", "fate", "dropped"), Map.of("t", 25, "seg", "0", "fate", "duplicated"),
                Map.of("t", 26, "seg", "FIN 1", "fate", "late")));
        trace.put("acks", List.of(Map.of("t", 25.5, "n", 1, "fate", "dropped")));
        GradedTest t = test("a.StopAndWaitTest#channel()", "moves bytes through a lossy channel", 2, false, GradedTest.Status.FAILED, "")
                .withTraces(List.of(Json.write(trace)));
        String html = page(t);
        assertEquals(2, html.split("\u2716", -1).length - 1, "a cross for each dropped datagram: " + html);
        assertTrue(html.contains("DATA 0 \u00d72"), html);
        assertTrue(html.contains("FIN 1 (late)"), html);
        assertTrue(html.contains(">time-out<"), "the resend of DATA 0 follows a time-out");
        assertFalse(html.contains("reference:"), "no reference drawn when the trace has none");
    }

    @Test
    @DisplayName("a scan as a map of the port space: the scanned range placed, a port with the wrong state outlined")
    void scanMap() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "scan");
        trace.put("expected", List.of(Map.of("port", 100, "state", "OPEN"), Map.of("port", 101, "state", "CLOSED"),
                Map.of("port", 102, "state", "FILTERED")));
        trace.put("actual", List.of(Map.of("port", 100, "state", "OPEN"), Map.of("port", 101, "state", "FILTERED"),
                Map.of("port", 102, "state", "FILTERED")));
        String html = page(test("a.PortScannerTest#maps()", "maps each answer", 2, false, GradedTest.Status.FAILED, "")
                .withTraces(List.of(Json.write(trace))));
        assertTrue(html.contains("scanned 100-102") && html.contains("well-known 0-1023"), html);
        assertEquals(1, html.split("outline:3px solid", -1).length - 1, "only port 101 is outlined: " + html);
        assertTrue(html.contains("title=\"port 101: expected CLOSED, got FILTERED\""), html);
    }

    @Test
    @DisplayName("the rounds of a transfer: a new round where the sender goes back")
    void rounds() {
        assertEquals(List.of(List.of("0", "1", "2"), List.of("1", "2", "FIN 3"), List.of("2")),
                TransferDiagram.rounds(List.of("0", "1", "2", "1", "2", "FIN 3", "2")));
    }

    @Test
    @DisplayName("bytes compared as hex: aligned, the first difference marked; a packet decoded with the wrong field marked")
    void bytes() {
        byte[] expected = java.util.HexFormat.of().parseHex("4500001c000100004011f7d4c0000201c0000202");
        byte[] actual = expected.clone();
        actual[11] = (byte) 0xd5; // the checksum's low byte
        assertEquals(11, HexView.firstDifference(expected, actual));
        String hex = HexView.render(expected, actual, EN);
        assertTrue(hex.contains("<td class=\"first\" title=\"first difference, byte 11\">d4</td>"), hex);
        assertTrue(hex.contains("<td class=\"first\" title=\"first difference, byte 11\">d5</td>"), hex);
        String packet = PacketView.render("socketlabs.lab04.Ipv4HeaderTest#x()", expected, actual, EN);
        assertTrue(packet.contains("<tr class=\"firstbad\"><td>&nbsp;&nbsp;header checksum"), packet);
        assertEquals(1, packet.split("firstbad", -1).length - 1, "only the checksum is marked");
        assertEquals(List.of(), PacketView.layout("a.EchoTest#x()", new byte[] {1, 2, 3}), "no layout for bytes that are no packet");
    }

    /** Runs the fixture in this JVM with a recorder of its own, as both grading paths' listeners do. */
    @Test
    @DisplayName("a test's trace reaches its result through the recorder; a passed test keeps none; hex in an assertion becomes bytes")
    void tracesReachTheRecorder() {
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
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(TracingFixture.class)).build(), recorder);
        assertEquals(1, results.get("failsWithTrace()").traces().size(), "the failed test's trace: " + results);
        assertTrue(results.get("failsWithTrace()").traces().get(0).contains("\"transfer\""));
        assertEquals(List.of(), results.get("passesWithTrace()").traces(), "a passed test keeps no trace");
        List<String> hex = results.get("comparesHex()").traces();
        assertEquals(1, hex.size(), "the hex assertion's bytes: " + hex);
        Map<?, ?> bytes = (Map<?, ?>) Json.parse(hex.get(0));
        assertEquals("4500001c0001", bytes.get("expected"));
        assertEquals("4500001d0001", bytes.get("actual"));
    }
}
