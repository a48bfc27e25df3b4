package socketlabs.grading.html;

import java.util.Locale;

/** The small SVG pieces the pages draw: score bars. Numbers only go into attributes; text is escaped. */
public final class Svg {
    static final String PASS = "#2e8b57";
    static final String FAIL = "#e4e8ec";

    private Svg() {
    }

    /** A bar {@code width} pixels wide, filled in the share {@code score / max}; labelled for screen readers. */
    public static String bar(int score, int max, int width, String label) {
        double share = max <= 0 ? 0 : Math.max(0, Math.min(1, (double) score / max));
        return String.format(Locale.ROOT, "<svg width=\"%d\" height=\"14\" role=\"img\" aria-label=\"%s\">"
                + "<rect width=\"%d\" height=\"14\" rx=\"3\" fill=\"%s\"/><rect width=\"%.1f\" height=\"14\" rx=\"3\" fill=\"%s\"/></svg>",
                width, Html.text(label), width, FAIL, share * width, PASS);
    }

    /** A number formatted for an attribute. */
    public static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** An SVG text at (x, y), anchored "start", "middle" or "end", in {@code color} ("" for the default), escaped. */
    static String text(double x, double y, String anchor, String color, String s) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\""
                + (color.isEmpty() ? "" : " fill=\"" + color + "\"") + ">" + Html.text(s) + "</text>";
    }

    /** An SVG line from (x1, y1) to (x2, y2); {@code dash} is a stroke-dasharray, "" for a solid line. */
    static String line(double x1, double y1, double x2, double y2, String color, double width, String dash) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\""
                + color + "\" stroke-width=\"" + n(width) + "\"" + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }
}
