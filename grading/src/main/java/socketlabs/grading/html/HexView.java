package socketlabs.grading.html;

import java.util.HexFormat;
import socketlabs.grading.Messages;

/**
 * Expected and actual bytes as aligned hex, 16 a row, the expected row above the actual one, every
 * differing byte shaded and the first difference marked, the way a student compares them by eye.
 */
public final class HexView {
    static final int ROW = 16;
    /** More bytes than this are not shown: a page stays small. */
    static final int MAX_BYTES = 4096;

    private HexView() {
    }

    /** The index of the first byte where the two differ (the shorter's length if one is a prefix), or -1 when equal. */
    public static int firstDifference(byte[] expected, byte[] actual) {
        int common = Math.min(expected.length, actual.length);
        for (int i = 0; i < common; i++) {
            if (expected[i] != actual[i]) {
                return i;
            }
        }
        return expected.length == actual.length ? -1 : common;
    }

    public static String render(byte[] expected, byte[] actual, Messages words) {
        int first = firstDifference(expected, actual);
        int length = Math.min(MAX_BYTES, Math.max(expected.length, actual.length));
        StringBuilder out = new StringBuilder();
        out.append("<p>").append(Html.text(first < 0 ? words.get("html.bytes.same", expected.length)
                : words.get("html.bytes.first", first, expected.length, actual.length))).append("</p>\n");
        out.append("<table class=\"hex\">\n");
        for (int row = 0; row < length; row += ROW) {
            out.append(line(words.get("html.expected.short"), "exp", row, expected, actual, first));
            out.append(line(words.get("html.actual.short"), "act", row, actual, expected, first));
        }
        out.append("</table>\n");
        if (Math.max(expected.length, actual.length) > MAX_BYTES) {
            out.append("<p class=\"muted\">").append(Html.text(words.get("html.bytes.cut", MAX_BYTES))).append("</p>\n");
        }
        return out.toString();
    }

    private static String line(String label, String cls, int row, byte[] mine, byte[] other, int first) {
        StringBuilder out = new StringBuilder("<tr class=\"").append(cls).append("\"><td class=\"lab\">").append(Html.text(label))
                .append("</td><td class=\"off\">").append(String.format("%04x", row)).append("</td>");
        StringBuilder ascii = new StringBuilder();
        for (int i = row; i < row + ROW; i++) {
            if (i >= mine.length) {
                out.append("<td class=\"none\">").append(i < other.length ? "--" : "").append("</td>");
                continue;
            }
            boolean differs = i >= other.length || mine[i] != other[i];
            String c = i == first ? "first" : differs ? "d" : "";
            out.append("<td").append(c.isEmpty() ? "" : " class=\"" + c + "\"")
                    .append(i == first ? " title=\"first difference, byte " + i + "\"" : "").append('>')
                    .append(HexFormat.of().toHexDigits(mine[i])).append("</td>");
            int b = mine[i] & 0xff;
            ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return out.append("<td class=\"off\">").append(Html.text(ascii.toString())).append("</td></tr>\n").toString();
    }
}
