package socketlabs.grading.html;

import java.util.HexFormat;
import java.util.Map;
import socketlabs.grading.GradedTest;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;

/**
 * Draws the traces a failed test recorded ({@link socketlabs.grading.Trace}), by their {@code kind}:
 * {@code "transfer"} as lab 3's time-sequence diagram, {@code "bytes"} as aligned hex (and, for a
 * packet, as decoded headers), {@code "exchange"} and {@code "http"} as lab 2's writes and reads
 * ({@link ExchangeView}, {@link HttpView}). A trace is untrusted text from the test JVM: one that does not parse
 * or has an unknown kind is left out, never shown raw.
 */
final class Diagrams {
    private Diagrams() {
    }

    /** Every trace of {@code t} drawn; {@code id} keeps the SVG ids of one page apart. */
    static String of(GradedTest t, int id, Messages words) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String json : t.traces()) {
            try {
                if (Json.parse(json) instanceof Map<?, ?> trace) {
                    out.append(one(t, trace, id * 8 + n++, words));
                }
            } catch (RuntimeException e) {
                // a trace that does not parse is left out
            }
        }
        return out.toString();
    }

    private static String one(GradedTest t, Map<?, ?> trace, int id, Messages words) {
        String title = trace.get("title") instanceof String s ? "<p class=\"muted\">" + Html.text(s) + "</p>\n" : "";
        switch (String.valueOf(trace.get("kind"))) {
            case "transfer":
                return "<h4>" + Html.text(words.get("html.transfer.title")) + "</h4>\n" + title + TransferDiagram.render(trace, id, words);
            case "ping":
                return "<h4>" + Html.text(words.get("html.ping.title")) + "</h4>\n" + title + PingDiagram.render(trace, id, words);
            case "scan":
                return "<h4>" + Html.text(words.get("html.scan.title")) + "</h4>\n" + title + ScanMap.render(trace, words);
            case "exchange":
                return "<h4>" + Html.text(words.get("html.exchange.title")) + "</h4>\n" + title + ExchangeView.render(trace, words);
            case "http":
                return "<h4>" + Html.text(words.get("html.http.title")) + "</h4>\n" + title + HttpView.render(trace, words);
            case "bytes": {
                byte[] expected = HexFormat.of().parseHex(String.valueOf(trace.get("expected")));
                byte[] actual = HexFormat.of().parseHex(String.valueOf(trace.get("actual")));
                String packet = PacketView.render(t.key(), expected, actual, words);
                return "<h4>" + Html.text(words.get("html.bytes.title")) + "</h4>\n" + title + HexView.render(expected, actual, words)
                        + (packet.isEmpty() ? "" : "<h4>" + Html.text(words.get("html.packet.title")) + "</h4>\n" + packet);
            }
            default:
                return "";
        }
    }
}
