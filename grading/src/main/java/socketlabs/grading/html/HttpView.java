package socketlabs.grading.html;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import socketlabs.grading.Messages;

/**
 * Lab 2's HTTP exchange ({@code kind "http"}): the request as the test sent it and the response as it
 * came back, byte for byte, with each line end shown (a missing \\r is visible), then the status line
 * and headers one a row, each the test checked and found wrong marked with what was expected, and the
 * start of the body (beside the expected body, the first difference marked, when the test expected
 * one). The trace: {@code request}, {@code response} (hex, cut), {@code request_len},
 * {@code response_len}, {@code expected} {status (a code or a list of codes), headers {name: value},
 * body (hex)}.
 */
final class HttpView {
    /** Bytes of the request and of the response head shown as text. */
    static final int TEXT_SHOWN = 2048;
    /** Bytes of a body shown. */
    static final int BODY_SHOWN = 256;

    private HttpView() {
    }

    /**
     * {@code bytes} as HTML text, byte for byte: CR and LF shown (muted) as \\r and \\n, a line break after each LF,
     * other bytes outside printable ASCII as \\xNN; the printable bytes escaped.
     */
    static String visible(byte[] bytes, int limit) {
        StringBuilder out = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, limit); i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
                continue;
            }
            out.append(Html.text(text.toString()));
            text.setLength(0);
            String shown = b == '\r' ? "\\r" : b == '\n' ? "\\n" : "\\x" + HexFormat.of().toHexDigits((byte) b);
            out.append("<span class=\"muted\">").append(shown).append("</span>").append(b == '\n' ? "\n" : "");
        }
        return out.append(Html.text(text.toString())).toString();
    }

    static String render(Map<?, ?> trace, Messages words) {
        byte[] request = ExchangeView.hex(trace.get("request"));
        byte[] response = ExchangeView.hex(trace.get("response"));
        long requestLen = Math.max(request.length, (long) TransferDiagram.num(trace.get("request_len")));
        long responseLen = Math.max(response.length, (long) TransferDiagram.num(trace.get("response_len")));
        Map<?, ?> expected = trace.get("expected") instanceof Map<?, ?> m ? m : Map.of();
        StringBuilder out = new StringBuilder();
        out.append("<p class=\"muted\">").append(Html.text(words.get("html.http.request", requestLen))).append("</p>\n<pre>")
                .append(visible(request, TEXT_SHOWN)).append("</pre>\n");
        if (requestLen > Math.min(request.length, TEXT_SHOWN)) {
            out.append("<p class=\"muted\">").append(Html.text(words.get("html.bytes.cut", Math.min(request.length, TEXT_SHOWN))))
                    .append("</p>\n");
        }
        if (response.length == 0) {
            return out.append("<p><strong>").append(Html.text(words.get("html.http.nothing"))).append("</strong></p>\n").toString();
        }
        int end = headEnd(response);
        int headLen = end < 0 ? response.length : end;
        out.append("<p class=\"muted\">").append(Html.text(words.get("html.http.response", responseLen))).append("</p>\n<pre>")
                .append(visible(response, Math.min(TEXT_SHOWN, end < 0 ? response.length : end + 4))).append("</pre>\n");
        out.append(head(new String(response, 0, headLen, StandardCharsets.ISO_8859_1), expected, words));
        if (end < 0) {
            out.append("<p><strong>").append(Html.text(words.get("html.http.nohead"))).append("</strong></p>\n");
            return out.toString();
        }
        byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        long bodyLen = responseLen - end - 4;
        out.append("<p class=\"muted\">").append(Html.text(words.get("html.http.body", bodyLen))).append("</p>\n");
        if (expected.get("body") instanceof String) {
            out.append(HexView.render(ExchangeView.hex(expected.get("body")), body, words));
        } else if (body.length > 0) {
            out.append(dump(java.util.Arrays.copyOf(body, Math.min(body.length, BODY_SHOWN))));
        }
        return out.toString();
    }

    // where the empty line that ends the head starts (the index of "\r\n\r\n"), or -1
    private static int headEnd(byte[] r) {
        for (int i = 0; i + 3 < r.length; i++) {
            if (r[i] == '\r' && r[i + 1] == '\n' && r[i + 2] == '\r' && r[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The status line and each header a row; what the test expected and did not get marked, with what it expected. */
    private static String head(String head, Map<?, ?> expected, Messages words) {
        String[] lines = head.split("\r\n", -1);
        List<Integer> statuses = new ArrayList<>();
        if (expected.get("status") instanceof Number n) {
            statuses.add(n.intValue());
        }
        for (Object o : TransferDiagram.list(expected.get("status"))) {
            if (o instanceof Number n) {
                statuses.add(n.intValue());
            }
        }
        Map<?, ?> headers = expected.get("headers") instanceof Map<?, ?> h ? h : Map.of();
        StringBuilder out = new StringBuilder("<table class=\"pkt\">\n");
        int status = lines[0].matches("HTTP/1\\.[01] [0-9]{3}( .*)?") ? Integer.parseInt(lines[0].substring(9, 12)) : -1;
        boolean statusBad = !statuses.isEmpty() && !statuses.contains(status);
        StringBuilder want = new StringBuilder();
        for (int s : statuses) {
            want.append(want.length() == 0 ? "" : " / ").append(s);
        }
        out.append(row(statusBad, words.get("html.http.status"), lines[0], statusBad ? words.get("html.http.expected", want) : ""));
        List<String> seen = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break; // a head cut short after a line end
            }
            int colon = lines[i].indexOf(':');
            String name = colon > 0 ? lines[i].substring(0, colon).trim() : "";
            String value = colon > 0 ? lines[i].substring(colon + 1).trim() : lines[i];
            String wanted = null;
            for (Map.Entry<?, ?> e : headers.entrySet()) {
                if (String.valueOf(e.getKey()).equalsIgnoreCase(name)) {
                    wanted = String.valueOf(e.getValue());
                    seen.add(name.toLowerCase(Locale.ROOT));
                }
            }
            boolean bad = wanted != null && !wanted.equals(value) || colon <= 0;
            out.append(row(bad, name, value, wanted != null && !wanted.equals(value) ? words.get("html.http.expected", wanted)
                    : colon <= 0 ? words.get("html.http.nocolon") : ""));
        }
        for (Map.Entry<?, ?> e : headers.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!seen.contains(name.toLowerCase(Locale.ROOT))) {
                out.append(row(true, name, words.get("html.http.missing"), words.get("html.http.expected", String.valueOf(e.getValue()))));
            }
        }
        return out.append("</table>\n").toString();
    }

    private static String row(boolean bad, String name, String value, String note) {
        return "<tr" + (bad ? " class=\"firstbad\"" : "") + "><td>" + Html.text(name) + "</td><td>" + Html.text(value) + "</td><td>"
                + Html.text(note) + "</td></tr>\n";
    }

    private static String dump(byte[] bytes) {
        StringBuilder out = new StringBuilder("<table class=\"hex\">\n");
        for (int row = 0; row < bytes.length; row += HexView.ROW) {
            out.append("<tr><td class=\"off\">").append(String.format("%04x", row)).append("</td>");
            StringBuilder ascii = new StringBuilder();
            for (int i = row; i < row + HexView.ROW; i++) {
                if (i >= bytes.length) {
                    out.append("<td></td>");
                    continue;
                }
                out.append("<td>").append(HexFormat.of().toHexDigits(bytes[i])).append("</td>");
                int b = bytes[i] & 0xff;
                ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.append("<td class=\"off\">").append(Html.text(ascii.toString())).append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }
}
