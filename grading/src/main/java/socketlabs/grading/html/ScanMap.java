package socketlabs.grading.html;

import java.util.Map;
import java.util.TreeMap;
import socketlabs.grading.Messages;

/**
 * Lab 1's port scan as a map: where the scanned ports lie in the port space (well-known 0-1023,
 * registered 1024-49151, dynamic 49152-65535), then one cell a port, coloured by the state the
 * scanner reported, a cell whose state is not the expected one outlined in red, each cell's title
 * saying both. The trace ({@code kind "scan"}): {@code expected} and {@code actual}, lists of
 * {port, state}.
 */
final class ScanMap {
    private static final int MAX_PORTS = 1024;
    private static final Map<String, String> COLOURS = Map.of("OPEN", "#2e8b57", "CLOSED", "#aab4be", "FILTERED", "#e0a030");

    private ScanMap() {
    }

    static String render(Map<?, ?> trace, Messages words) {
        Map<Integer, String> expected = states(trace.get("expected"));
        Map<Integer, String> actual = states(trace.get("actual"));
        TreeMap<Integer, Boolean> ports = new TreeMap<>();
        expected.keySet().forEach(p -> ports.put(p, true));
        actual.keySet().forEach(p -> ports.put(p, true));
        if (ports.isEmpty()) {
            return "";
        }
        StringBuilder svg = new StringBuilder("<svg class=\"scan\" width=\"660\" height=\"46\" role=\"img\" aria-label=\"port space\">");
        int[][] ranges = {{0, 1023}, {1024, 49151}, {49152, 65535}};
        String[] names = {words.get("html.scan.wellknown"), words.get("html.scan.registered"), words.get("html.scan.dynamic")};
        String[] fills = {"#d6e4f5", "#e3f1e0", "#f5ead6"};
        for (int i = 0; i < 3; i++) {
            // a scale that gives the small well-known range room to be seen: each range a third
            double x = 10 + i * 213;
            svg.append("<rect x=\"").append(Svg.n(x)).append("\" y=\"4\" width=\"211\" height=\"16\" fill=\"").append(fills[i]).append("\"/>")
                    .append("<text x=\"").append(Svg.n(x + 4)).append("\" y=\"16\">").append(Html.text(names[i] + " " + ranges[i][0] + "-"
                            + ranges[i][1])).append("</text>");
        }
        for (int edge : new int[] {ports.firstKey(), ports.lastKey()}) {
            double x = position(edge, ranges);
            svg.append("<line x1=\"").append(Svg.n(x)).append("\" y1=\"2\" x2=\"").append(Svg.n(x))
                    .append("\" y2=\"26\" stroke=\"#c0392b\" stroke-width=\"2\"/>");
        }
        svg.append("<text x=\"").append(Svg.n(Math.min(560, position(ports.firstKey(), ranges)))).append("\" y=\"40\" fill=\"#c0392b\">")
                .append(Html.text(words.get("html.scan.scanned", ports.firstKey(), ports.lastKey()))).append("</text></svg>\n");
        StringBuilder cells = new StringBuilder("<div>");
        int shown = 0;
        for (int port : ports.keySet()) {
            if (shown++ >= MAX_PORTS) {
                break;
            }
            String want = expected.getOrDefault(port, "-");
            String got = actual.getOrDefault(port, words.get("html.scan.none"));
            boolean wrong = !want.equals(got);
            cells.append("<span title=\"").append(Html.text(words.get("html.scan.cell", port, want, got))).append("\" style=\"display:inline-block;")
                    .append("width:46px;margin:1px;padding:1px 0;text-align:center;font-size:11px;color:#fff;background:")
                    .append(COLOURS.getOrDefault(got, "#666")).append(wrong ? ";outline:3px solid #c0392b" : "").append("\">")
                    .append(port).append(wrong ? "<br>" + Html.text(got.toLowerCase(java.util.Locale.ROOT)) : "").append("</span>");
        }
        cells.append("</div>\n<p class=\"muted\">").append(Html.text(words.get("html.scan.legend"))).append("</p>\n");
        return svg + cells.toString();
    }

    private static double position(int port, int[][] ranges) {
        for (int i = 0; i < ranges.length; i++) {
            if (port <= ranges[i][1]) {
                return 10 + i * 213 + 211.0 * (port - ranges[i][0]) / (ranges[i][1] - ranges[i][0] + 1);
            }
        }
        return 649;
    }

    private static Map<Integer, String> states(Object list) {
        Map<Integer, String> out = new TreeMap<>();
        for (Object o : TransferDiagram.list(list)) {
            if (o instanceof Map<?, ?> m && m.get("port") instanceof Number n && n.intValue() >= 0 && n.intValue() <= 65535) {
                out.put(n.intValue(), TransferDiagram.str(m.get("state")));
            }
        }
        return out;
    }
}
