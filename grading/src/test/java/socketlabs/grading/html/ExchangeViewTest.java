package socketlabs.grading.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;
import socketlabs.grading.Wire;

class ExchangeViewTest {
    private static final Messages EN = Messages.of("en");
    private static final Messages KO = Messages.of("ko");
    private static final String ATTACK = "\"'><script>alert(1)</script><img src=x onerror=alert(2)></pre></table><svg onload=alert(3)>";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The trace as the page gets it: written as JSON and parsed back, as both grading paths do. */
    static Map<?, ?> parsed(Map<String, Object> trace) {
        return (Map<?, ?>) Json.parse(Json.write(trace));
    }

    static String page(Map<String, Object> trace, Messages words) {
        GradedTest t = new GradedTest("socketlabs.lab02.EchoTest#x()", "Task 1 · Echo", "echoes", 2, false)
                .withOutcome(GradedTest.Status.FAILED, "the echo is wrong").withTraces(List.of(Json.write(trace).replace("\n", " ")));
        return HtmlReport.page("lab02-tcp", "", List.of(new HtmlReport.Lab("lab02-tcp", "", List.of(t), List.of())), words);
    }

    /** The hex cells of the aligned row labelled {@code label}, in order, with where a bar (a chunk's start) is drawn. */
    static List<String> row(String html, String label) {
        List<String> cells = new ArrayList<>();
        Matcher rows = Pattern.compile("<tr[^>]*><td class=\"lab\">" + Pattern.quote(label) + "</td><td class=\"off\">[0-9a-f]{4}</td>(.*?)</tr>")
                .matcher(html);
        while (rows.find()) {
            Matcher cell = Pattern.compile("<td( class=\"[a-z]+\")?( style=\"border-left[^\"]*\")?>([0-9a-f]{2}|\\.\\.|)</td>").matcher(rows.group(1));
            while (cell.find()) {
                if (!cell.group(3).isEmpty()) {
                    cells.add((cell.group(2) != null ? "|" : "") + cell.group(3) + (cell.group(1) != null ? cell.group(1)
                            .replace(" class=\"", "[").replace("\"", "]") : ""));
                }
            }
        }
        return cells;
    }

    @Test
    @DisplayName("each write and read is a chunk with its place in the stream; what came back is compared with what was expected")
    void boundariesAndFirstDifference() {
        Wire wire = new Wire("test client", "your EchoServer");
        byte[] sent = bytes("hello\n");
        for (byte b : sent) {
            wire.wrote(Wire.Dir.OUT, new byte[] {b}, 0, 1); // one byte a write
        }
        byte[] back = bytes("hellx\n");
        wire.read(Wire.Dir.IN, back, 0, 3, 8192);
        wire.read(Wire.Dir.IN, back, 3, 3, 8192);
        wire.event(Wire.Dir.IN, "eof");
        Map<String, Object> trace = wire.trace("sent hello", sent);
        List<ExchangeView.Chunk> chunks = ExchangeView.chunks(parsed(trace));
        assertEquals(9, chunks.size());
        ExchangeView.Stream in = ExchangeView.incoming(chunks);
        assertEquals("68656c6c780a", java.util.HexFormat.of().formatHex(in.bytes()));
        assertEquals(List.of(0L, 3L), in.starts(), "each read begins where the one before ended");
        assertEquals(4, ExchangeView.firstDifference(sent, 6, in.bytes(), in.len()));
        assertEquals(-1, ExchangeView.firstDifference(sent, 6, sent, 6));
        assertEquals(3, ExchangeView.firstDifference(bytes("abcdef"), 6, bytes("abc"), 3), "a stream cut short differs where it ends");

        String html = page(trace, EN);
        assertTrue(html.contains("test client wrote 6 bytes; number of writes: 6.") && html.contains("test client read 6 bytes; number of reads: 2."), html);
        assertTrue(html.contains("First difference at byte 4 of what test client received (marked): expected 6f &#39;o&#39;, got 78 &#39;x&#39;"), html);
        assertTrue(html.contains("test client: read(8192) returned 3 (stream bytes 3-5)"), html);
        assertTrue(html.contains("end of stream"), "the end of the stream is drawn: " + html);
        // the aligned streams: the bar where the second read began, the first difference marked and what follows it shaded
        assertEquals(List.of("68", "65", "6c", "6c", "6f", "0a"), row(html, "expected"));
        assertEquals(List.of("68", "65", "6c", "|6c", "78[first]", "0a[d]"), row(html, "received"));
        assertEquals(1, html.split("title=\"first difference, byte 4\"", -1).length - 1, "one first difference in the sequence: " + html);
        assertTrue(html.contains("<span class=\"first\" title=\"first difference, byte 4\">78</span>"), html);
        String ko = page(trace, KO);
        assertTrue(ko.contains("test client이(가) 받은 것의 첫 차이는 4번째 바이트"), ko);
    }

    @Test
    @DisplayName("a short echo and a long one: the missing bytes and the extra ones are named")
    void shortAndLong() {
        Wire wire = new Wire("test client", "your EchoServer");
        wire.wrote(Wire.Dir.OUT, bytes("abcdef"), 0, 6);
        wire.read(Wire.Dir.IN, bytes("abc"), 0, 3, 6);
        String shortPage = page(wire.trace(null, bytes("abcdef")), EN);
        assertTrue(shortPage.contains("test client expected 6 bytes, but only 3 came; those are right, the rest is missing."), shortPage);
        assertEquals(List.of("61", "62", "63", "64", "65", "66"), row(shortPage, "expected"));
        assertEquals(List.of("61", "62", "63"), row(shortPage, "received"));
        Wire longer = new Wire("test client", "your EchoServer");
        longer.wrote(Wire.Dir.OUT, bytes("hi"), 0, 2);
        longer.read(Wire.Dir.IN, bytes("hi\0\0"), 0, 4, 8192);
        String longPage = page(longer.trace(null, bytes("hi")), EN);
        assertTrue(longPage.contains("test client expected 2 bytes, but 4 came: extra bytes after the expected ones (marked)."), longPage);
        assertEquals(List.of("68", "69", "00[first]", "00[d]"), row(longPage, "received"));
    }

    @Test
    @DisplayName("attack: bytes of the exchange, names, titles and messages decoded cannot put markup on the page")
    void hostileBytesStayEscaped() {
        Wire wire = new Wire(ATTACK, ATTACK);
        wire.wrote(Wire.Dir.OUT, bytes(ATTACK), 0, ATTACK.length());
        wire.read(Wire.Dir.IN, bytes(ATTACK), 0, ATTACK.length(), 8192);
        wire.event(Wire.Dir.IN, ATTACK);
        Map<String, Object> trace = Wire.withFrames(wire.trace(ATTACK, bytes(ATTACK + "x")), List.of(bytes(ATTACK)), List.of(bytes(ATTACK)));
        trace.put("expected_len", ATTACK); // not a number: ignored
        String html = page(trace, EN);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("<img") || lower.contains("<svg onload"), html);
        Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            // a quoted value holds no raw quote (text escapes it), so what is left outside quotes is the tag's own
            String outsideValues = tag.replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(outsideValues).find(),
                    () -> "a handler got through: " + tag);
        }
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the bytes' text is shown, escaped");
        assertTrue(html.contains("&quot;&#39;&gt;&lt;script"), "quotes escaped");
        // a trace that lies about its own shape is drawn from what it holds, or not at all
        Map<String, Object> broken = new LinkedHashMap<>();
        broken.put("kind", "exchange");
        broken.put("chunks", List.of(Map.of("dir", "in", "op", "read", "at", 0, "len", 3, "hex", "zz<script>"), ATTACK, 7));
        broken.put("expected", "<script>");
        broken.put("frames", Map.of("expected", ATTACK, "actual", List.of(ATTACK)));
        String brokenPage = page(broken, EN);
        assertFalse(brokenPage.toLowerCase(Locale.ROOT).contains("<script"), brokenPage);
    }

    /** Sends {@code writes} one write each, then half-closes; returns the accepted end once every byte has arrived there. */
    static Socket[] connected(ServerSocket listener, Wire wire, String... writes) throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        Socket accepted = listener.accept();
        accepted.setSoTimeout(5_000);
        OutputStream out = wire.recording(client.getOutputStream(), Wire.Dir.OUT);
        int total = 0;
        for (String w : writes) {
            out.write(bytes(w));
            out.flush();
            total += w.length();
        }
        client.shutdownOutput();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (accepted.getInputStream().available() < total && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // a wait for the bytes to arrive, not a pause
        }
        return new Socket[] {client, accepted};
    }

    /** The mistake of many: a new BufferedReader on each call, which reads ahead and keeps the next lines. */
    static String wrongReadLine(InputStream in) throws IOException {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    }

    @Test
    @Timeout(20)
    @DisplayName("a real wrong line reader over a socket: its page shows the one read that took all three lines, and the lines lost")
    void wrongFramerOverASocket() throws IOException {
        Wire wire = new Wire("test client", "your LineCodec");
        List<byte[]> decoded = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket[] pair = connected(listener, wire, "one\n", "two\n", "three\n");
            try (Socket client = pair[0]; Socket accepted = pair[1]) {
                InputStream in = wire.recording(accepted.getInputStream(), Wire.Dir.OUT);
                for (int i = 0; i < 3; i++) {
                    String line = wrongReadLine(in);
                    if (line == null) {
                        break;
                    }
                    decoded.add(bytes(line));
                }
            }
        }
        Map<String, Object> trace = Wire.withFrames(wire.trace("readLine three times", null),
                List.of(bytes("one"), bytes("two"), bytes("three")), decoded);
        String html = page(trace, EN);
        assertTrue(html.contains("test client wrote 14 bytes; number of writes: 3.") && html.contains("your LineCodec read 14 bytes; number of reads: 1."), html);
        assertTrue(Pattern.compile("your LineCodec: read\\([0-9]+\\) returned 14 \\(stream bytes 0-13\\)").matcher(html).find(), html);
        // the peer cut its stream in three, the reader took it in one: bars where the writes began, none in the read
        assertEquals(List.of("6f", "6e", "65", "0a", "|74", "77", "6f", "0a", "|74", "68", "72", "65", "65", "0a"), row(html, "as written"));
        assertEquals(List.of("6f", "6e", "65", "0a", "74", "77", "6f", "0a", "74", "68", "72", "65", "65", "0a"), row(html, "as your code read"));
        assertTrue(html.contains("Message 2 is the first that differs (marked); 3 were sent, your code returned 1."), html);
        assertTrue(html.contains("(none: nothing returned)"), html);
    }

    @Test
    @Timeout(20)
    @DisplayName("a real wrong echo over a socket (write(buffer) of the whole buffer): its page marks the extra bytes")
    void wrongEchoOverASocket() throws IOException {
        Wire wire = new Wire("test client", "your EchoServer");
        byte[] back;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket[] pair = connected(listener, wire, "hello\n");
            try (Socket client = pair[0]; Socket accepted = pair[1]) {
                byte[] buffer = new byte[16];
                int n = accepted.getInputStream().read(buffer);
                assertEquals(6, n);
                accepted.getOutputStream().write(buffer); // the mistake: the whole buffer, not its first n bytes
                accepted.close();
                client.setSoTimeout(5_000);
                InputStream in = wire.recording(client.getInputStream(), Wire.Dir.IN);
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] b = new byte[8192];
                int r;
                while ((r = in.read(b)) != -1) {
                    got.write(b, 0, r);
                }
                back = got.toByteArray();
            }
        }
        assertEquals(16, back.length);
        String html = page(wire.trace(null, bytes("hello\n")), EN);
        assertTrue(html.contains("test client expected 6 bytes, but 16 came: extra bytes after the expected ones (marked)."), html);
        List<String> cameBack = row(html, "received");
        assertEquals("00[first]", cameBack.get(6), "the first extra byte is marked: " + cameBack);
        assertTrue(cameBack.subList(7, 16).stream().allMatch(c -> c.endsWith("[d]")), cameBack.toString());
        assertTrue(html.contains("end of stream"), html);
    }

    @Test
    @DisplayName("a long exchange is cut: kept bytes and chunks are capped, the rest only counted, and the page stays small")
    void capped() {
        Wire wire = new Wire("test client", "your EchoServer");
        byte[] big = new byte[64 * 1024];
        for (int i = 0; i < 400; i++) {
            wire.wrote(Wire.Dir.OUT, big, 0, big.length);
        }
        Map<String, Object> trace = wire.trace(null, new byte[10 * 1024 * 1024]);
        String json = Json.write(trace);
        assertTrue(json.length() < socketlabs.grading.Trace.MAX_CHARS, "the trace fits a test's trace: " + json.length());
        assertEquals(Wire.MAX_CHUNKS, ((List<?>) trace.get("chunks")).size());
        assertEquals(400 - Wire.MAX_CHUNKS, trace.get("omitted"));
        String html = page(trace, EN);
        assertTrue(html.contains("test client wrote 26,214,400 bytes; number of writes: 400."), "the totals count what was not kept");
        assertTrue(html.contains("\u2026 240 more writes and reads were not recorded (a trace keeps the first 160)."), html);
        assertTrue(html.length() < 400_000, "the page stays small: " + html.length());
        // an echo of 12.5 MiB read in 64 KiB reads: only the first reads are recorded, and the page claims no more than it saw
        Wire echo = new Wire("test client", "your EchoServer");
        for (int i = 0; i < 200; i++) {
            echo.read(Wire.Dir.IN, big, 0, big.length, big.length);
        }
        String echoed = page(echo.trace(null, new byte[200 * big.length]), EN);
        assertTrue(echoed.contains("test client received 13,107,200 bytes, as many as expected; the first 2,048 (the bytes recorded) are the"
                + " ones expected."), echoed);
    }
}
