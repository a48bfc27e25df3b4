package socketlabs.grading.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

class HttpViewTest {
    private static final Messages EN = Messages.of("en");
    private static final String ATTACK = "\"'><script>alert(1)</script><img src=x onerror=alert(2)></pre></table>";

    static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Map<String, Object> trace(String request, String response, Map<String, Object> expected) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", "http");
        t.put("request", hex(request));
        t.put("request_len", request.length());
        t.put("response", hex(response));
        t.put("response_len", response.length());
        t.put("expected", expected);
        return t;
    }

    static String page(Map<String, Object> trace) {
        GradedTest t = new GradedTest("socketlabs.lab02.FileServerTest#x()", "Task 5 · HTTP", "serves", 2, false)
                .withOutcome(GradedTest.Status.FAILED, "wrong").withTraces(List.of(Json.write(trace).replace("\n", " ")));
        return HtmlReport.page("lab02-tcp", "", List.of(new HtmlReport.Lab("lab02-tcp", "", List.of(t), List.of())), EN);
    }

    @Test
    @DisplayName("the request and response byte for byte, line ends shown; a wrong status and a wrong or missing header marked with what was expected")
    void marksWhatIsWrong() {
        String request = "HEAD /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String response = "HTTP/1.1 200 OK\nContent-Length: 12\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello, world\n";
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("status", 200);
        expected.put("headers", Map.of("Content-Length", "13", "Connection", "close"));
        expected.put("body", "");
        String html = page(trace(request, response, expected));
        String crlf = "<span class=\"muted\">\\r</span><span class=\"muted\">\\n</span>\n";
        assertTrue(html.contains("<pre>HEAD /hello.txt HTTP/1.1" + crlf + "Host: 127.0.0.1" + crlf + crlf + "</pre>"), html);
        // the bare \n after the status line shows as \n with no \r before it, and makes it one line with the next header
        assertTrue(html.contains("HTTP/1.1 200 OK<span class=\"muted\">\\n</span>\nContent-Length: 12" + crlf), html);
        assertTrue(html.contains("<tr class=\"firstbad\"><td>status line</td><td>HTTP/1.1 200 OK\nContent-Length: 12</td>"), html);
        assertTrue(html.contains("<tr class=\"firstbad\"><td>Connection</td><td>(missing)</td><td>expected: close</td></tr>"), html);
        assertTrue(html.contains("<tr><td>Content-Type</td><td>text/plain; charset=utf-8</td><td></td></tr>"), "a header the test did not check is not marked");
        assertTrue(html.contains("The body (13 bytes)"), html);
        assertTrue(html.contains("First difference at byte 0 (marked); expected 0 bytes, got 13."), "HEAD: no body expected: " + html);

        String good = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\n";
        String goodPage = page(trace(request, good, expected));
        assertFalse(goodPage.contains("class=\"firstbad\""), "nothing wrong, nothing marked: " + goodPage);
        assertTrue(goodPage.contains("The 0 bytes are the same."), goodPage);
    }

    @Test
    @DisplayName("a status among those accepted is not marked; one outside them is, with all of them; no response at all is said")
    void statusesAndNothing() {
        Map<String, Object> expected = Map.of("status", List.of(404, 403, 400));
        String ok = page(trace("GET /../secret.txt HTTP/1.1\r\n\r\n", "HTTP/1.1 403 Forbidden\r\n\r\n", expected));
        assertFalse(ok.contains("class=\"firstbad\""), ok);
        String bad = page(trace("GET /../secret.txt HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\nTOP", expected));
        assertTrue(bad.contains("<td>expected: 404 / 403 / 400</td>"), bad);
        String none = page(trace("GET / HTTP/1.1\r\n\r\n", "", expected));
        assertTrue(none.contains("Nothing came back"), none);
        String noEnd = page(trace("GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", Map.of()));
        assertTrue(noEnd.contains("The headers never ended"), noEnd);
        assertEquals("a<span class=\"muted\">\\r</span><span class=\"muted\">\\n</span>\nb<span class=\"muted\">\\x00</span>"
                + "<span class=\"muted\">\\xff</span>&lt;", HttpView.visible(new byte[] {'a', '\r', '\n', 'b', 0, (byte) 0xff, '<'}, 100));
    }

    @Test
    @DisplayName("attack: a request, a response and expectations full of markup stay text")
    void hostileHttpStaysEscaped() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("status", ATTACK);
        expected.put("headers", Map.of(ATTACK, ATTACK));
        expected.put("body", ATTACK);
        Map<String, Object> t = trace("GET /" + ATTACK + " HTTP/1.1\r\n\r\n", "HTTP/1.1 200 " + ATTACK + "\r\n" + ATTACK + ": "
                + ATTACK + "\r\n\r\n" + ATTACK, expected);
        t.put("title", ATTACK);
        String html = page(t);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("<img"), html);
        Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(tag).find(), () -> "a handler got through: " + tag);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }
}
