package socketlabs.grading.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;

/** Lab 3's pinger diagram ({@link PingDiagram}) and the reference run beside a transfer through the seeded channel. */
class Lab03DiagramsTest {
    private static final Messages EN = Messages.of("en");
    private static final Messages KO = Messages.of("ko");
    private static final String ATTACK = "\"'><script>alert(1)</script><svg onload=alert(3)>";

    private static String page(Messages words, String... traces) {
        GradedTest t = new GradedTest("a.PingerTest#x()", "Task 2 · UDP pinger", "matches replies by sequence number", 3, false)
                .withOutcome(GradedTest.Status.FAILED, "expected received [true, false] got [true, true]").withTraces(List.of(traces));
        return HtmlReport.page("lab03-udp", "", List.of(new HtmlReport.Lab("lab03-udp", "", List.of(t), List.of())), words);
    }

    private static Map<String, Object> ping(int seq, double t) {
        return Map.of("seq", seq, "t", t);
    }

    private static Map<String, Object> reply(int seq, double t, boolean late, int copy, double sinceSend) {
        return Map.of("seq", seq, "t", t, "late", late, "copy", copy, "since_send_ms", sinceSend);
    }

    private static Map<String, Object> result(int seq, double rttMs) {
        return Map.of("seq", seq, "rtt_ms", rttMs);
    }

    /** Ping 2 answered late (when ping 3 arrives), ping 4 never answered; the pinger reported what {@code reported} says. */
    private static String pingTrace(List<Map<String, Object>> reported) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "ping");
        trace.put("timeout_ms", 500);
        trace.put("pings", List.of(ping(1, 0), ping(2, 0.2), ping(3, 500.4), ping(4, 500.6)));
        trace.put("replies", List.of(reply(1, 0.01, false, 1, 0.05), reply(2, 500.41, true, 1, 500.3), reply(3, 500.42, false, 1, 0.06)));
        trace.put("unanswered", List.of(4));
        trace.put("expected", List.of(true, false, true, false));
        if (reported != null) {
            trace.put("reported", reported);
        } else {
            trace.put("outcome", "Pinger.ping was still running after 6 s");
        }
        return Json.write(trace);
    }

    private static String figure(String html, String svgClass) {
        int at = html.indexOf("<svg class=\"" + svgClass + "\"");
        assertTrue(at >= 0, "no <svg class=\"" + svgClass + "\"> on the page: " + html);
        return html.substring(at, html.indexOf("</figure>", at));
    }

    private static List<String> all(String regex, String s) {
        Matcher m = Pattern.compile(regex).matcher(s);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    @DisplayName("the pinger diagram: each ping and reply with its number, the late reply and the unanswered ping marked, time-outs where a correct pinger gives up")
    void pingsRepliesLateAndLost() {
        String svg = figure(page(EN, pingTrace(List.of(result(1, 0.08), result(2, -1), result(3, 0.07), result(4, -1)))), "ping");
        assertEquals(List.of("1", "2", "3", "4"), all(">PING ([0-9]+)</text>", svg), "each ping, in order: " + svg);
        assertEquals(List.of("1", "2 (late)", "3"), all(">reply ([0-9]+(?: \\(late\\))?)</text>", svg), "each reply, the late one marked");
        assertEquals(1, svg.split("\u2716 no reply", -1).length - 1, "the ping the server never answered has a cross: " + svg);
        assertEquals(List.of("2", "4"), all(">time-out of ping ([0-9]+)", svg), "ping 2 (late) and ping 4 (lost) time out");
        assertTrue(svg.indexOf("time-out of ping 2") < svg.indexOf(">PING 3<"), "ping 2 times out before ping 3 goes out");
        assertTrue(svg.contains("seq=1 time=0.080 ms") && svg.contains("seq=2 timed out"), "the reported results beside the pings");
        assertTrue(svg.contains("left the server 0.050 ms after the send"), "the real time to the reply beside it: " + svg);
        assertFalse(svg.contains("expected:"), "every result right: nothing marked wrong: " + svg);
    }

    @Test
    @DisplayName("a pinger that takes the late reply as the next ping's: the wrong results are red, with the expected ones")
    void wrongResultsMarked() {
        // matched by arrival order: the late reply 2 taken for ping 3, the leftover reply 3 for ping 4
        String svg = figure(page(EN, pingTrace(List.of(result(1, 0.08), result(2, -1), result(3, 0.01), result(4, 0.02)))), "ping");
        assertTrue(svg.contains("fill=\"#c0392b\">seq=4 time=0.020 ms \u2014 expected: timed out</text>"),
                "ping 4's wrong result is red, with what was expected: " + svg);
        assertTrue(svg.contains("seq=3: you reported 0.010 ms, too short"), "ping 3's time is below the reply's real time: " + svg);
        assertFalse(svg.contains("fill=\"#c0392b\">seq=1"), "ping 1's right result is not marked");
    }

    @Test
    @DisplayName("a pinger that never times out a lost ping: the pings it never sent are drawn missing and the page says it did not return")
    void neverTimesOut() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "ping");
        trace.put("timeout_ms", 500);
        trace.put("pings", List.of(ping(1, 0), ping(2, 0.2)));
        trace.put("replies", List.of(reply(1, 0.01, false, 1, 0.05)));
        trace.put("unanswered", List.of(2));
        trace.put("expected", List.of(true, false, true));
        trace.put("outcome", "Pinger.ping was still running after 6 s");
        String html = page(EN, Json.write(trace));
        String svg = figure(html, "ping");
        assertTrue(svg.contains(">PING 3 \u2014 never sent</text>"), "ping 3 never went out: " + svg);
        assertTrue(svg.contains("stroke-dasharray=\"5 3\""), "drawn dashed");
        assertTrue(svg.contains("Pinger.ping did not return"), "the pinger's end said: " + svg);
        assertFalse(svg.contains("time-out of ping"), "a pinger that never returned gave nothing up: " + svg);
        assertTrue(html.contains("Pinger.ping was still running after 6 s"), "the test's account of it below the diagram");
        assertTrue(page(EN, pingTrace(null)).contains("Pinger.ping did not return"));
    }

    @Test
    @DisplayName("a duplicated reply is drawn as a second copy")
    void duplicate() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "ping");
        trace.put("pings", List.of(ping(1, 0), ping(-1, 0.1)));
        trace.put("replies", List.of(reply(1, 0.01, false, 1, 0.05), reply(1, 0.02, false, 2, 0.06)));
        trace.put("expected", List.of(true));
        trace.put("reported", List.of(result(1, 0.07)));
        String svg = figure(page(EN, Json.write(trace)), "ping");
        assertTrue(svg.contains(">reply 1 (second copy)</text>"), svg);
        assertTrue(svg.contains(">(not a ping)</text>"), "a datagram that is no ping is drawn as such: " + svg);
        assertFalse(svg.contains("too short"), "only the first copy is the reply its time is compared with: " + svg);
    }

    @Test
    @DisplayName("the pinger diagram escapes what the trace says, and speaks Korean on a Korean page")
    void escapedAndTranslated() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "ping");
        trace.put("title", ATTACK);
        trace.put("pings", List.of(Map.of("seq", ATTACK, "t", ATTACK)));
        trace.put("outcome", ATTACK);
        trace.put("expected", List.of(ATTACK));
        String html = page(EN, Json.write(trace));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertFalse(html.contains("<svg onload"), html);
        assertTrue(html.contains("&lt;script&gt;"), "shown escaped: " + html);
        String ko = page(KO, pingTrace(List.of(result(1, 0.08), result(2, -1), result(3, 0.07), result(4, -1))));
        assertTrue(ko.contains("핑 2의 타임아웃"), ko);
    }

    @Test
    @DisplayName("a transfer through the seeded channel: the reference run for the same seed is drawn beside, with its times and fates")
    void channelReferenceLane() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("kind", "transfer");
        trace.put("sent", List.of(Map.of("t", 0, "seg", "0", "fate", "dropped"), Map.of("t", 1, "seg", "1", "fate", "")));
        trace.put("acks", List.of(Map.of("t", 1.2, "n", 0, "fate", "")));
        trace.put("reference", Map.of(
                "sent", List.of(Map.of("t", 0, "seg", "0", "fate", "dropped"), Map.of("t", 0, "seg", "1", "fate", ""),
                        Map.of("t", 25, "seg", "0", "fate", "duplicated"), Map.of("t", 25, "seg", "1", "fate", "late")),
                "acks", List.of(Map.of("t", 0, "n", 0, "fate", ""), Map.of("t", 25, "n", 2, "fate", ""))));
        String html = page(EN, Json.write(trace));
        assertEquals(2, html.split("<svg class=\"transfer\"", -1).length - 1, "the student's run and the reference's, side by side: " + html);
        assertTrue(html.contains("reference, same seed"), "the reference lane is named: " + html);
        String reference = html.substring(html.lastIndexOf("<svg class=\"transfer\""));
        assertTrue(reference.contains("DATA 0 \u00d72") && reference.contains("DATA 1 (late)") && reference.contains("\u2716"),
                "the reference's fates drawn: " + reference);
        assertTrue(reference.contains(">time-out<") && reference.contains(">25 ms<"), "its time-out and times: " + reference);
        assertFalse(html.contains("\u2014 missing"), "no segment marked missing through the channel (the runs meet other fates)");
    }
}
