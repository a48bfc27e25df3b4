package socketlabs.grading.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import socketlabs.grading.Messages;

/**
 * A packet's bytes decoded as nested headers, Wireshark-style: each field with its offset, the
 * value expected and the value built, the fields that differ shaded and the first one marked. The
 * layout is IPv4 (when the bytes start with version 4) with ICMP, UDP or TCP inside, or one of those
 * alone when the test that compared them is about it (its class name says Icmp, Udp or Tcp).
 */
public final class PacketView {
    record Field(String layer, String name, int offset, int length) {
    }

    private PacketView() {
    }

    /** The decoded view, or an empty string when the bytes fit no layout this view knows. */
    public static String render(String testKey, byte[] expected, byte[] actual, Messages words) {
        List<Field> fields = layout(testKey, expected);
        if (fields.isEmpty()) {
            return "";
        }
        int first = HexView.firstDifference(expected, actual);
        StringBuilder out = new StringBuilder("<table class=\"pkt\">\n<tr><th>").append(Html.text(words.get("html.field")))
                .append("</th><th>").append(Html.text(words.get("html.bytes.at"))).append("</th><th>")
                .append(Html.text(words.get("html.expected.short"))).append("</th><th>").append(Html.text(words.get("html.actual.short")))
                .append("</th></tr>\n");
        String layer = null;
        for (Field f : fields) {
            if (!f.layer.equals(layer)) {
                layer = f.layer;
                out.append("<tr class=\"layer\"><td colspan=\"4\">").append(Html.text(layer)).append("</td></tr>\n");
            }
            String want = value(expected, f);
            String got = value(actual, f);
            boolean bad = !want.equals(got);
            boolean firstBad = first >= f.offset && first < f.offset + f.length;
            out.append("<tr").append(firstBad ? " class=\"firstbad\"" : bad ? " class=\"bad\"" : "").append("><td>&nbsp;&nbsp;")
                    .append(Html.text(f.name)).append(firstBad ? " \u25C0" : "").append("</td><td class=\"num\">")
                    .append(f.length == 1 ? f.offset : f.offset + "-" + (f.offset + f.length - 1)).append("</td><td>")
                    .append(Html.text(want)).append("</td><td>").append(Html.text(got)).append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    static List<Field> layout(String testKey, byte[] b) {
        String cls = testKey == null ? "" : testKey.substring(0, Math.max(0, testKey.indexOf('#'))).toLowerCase(Locale.ROOT);
        List<Field> fields = new ArrayList<>();
        int at = 0;
        int protocol;
        if (b.length >= 20 && (b[0] & 0xf0) == 0x40 && (b[0] & 0x0f) >= 5) {
            int ihl = (b[0] & 0x0f) * 4;
            String ip = "Internet Protocol version 4";
            fields.add(new Field(ip, "version, IHL", 0, 1));
            fields.add(new Field(ip, "DSCP, ECN", 1, 1));
            fields.add(new Field(ip, "total length", 2, 2));
            fields.add(new Field(ip, "identification", 4, 2));
            fields.add(new Field(ip, "flags, fragment offset", 6, 2));
            fields.add(new Field(ip, "time to live", 8, 1));
            fields.add(new Field(ip, "protocol", 9, 1));
            fields.add(new Field(ip, "header checksum", 10, 2));
            fields.add(new Field(ip, "source address", 12, 4));
            fields.add(new Field(ip, "destination address", 16, 4));
            if (ihl > 20 && ihl <= b.length) {
                fields.add(new Field(ip, "options", 20, ihl - 20));
            }
            at = Math.min(ihl, b.length);
            protocol = b[9] & 0xff;
        } else if (cls.contains("icmp")) {
            protocol = 1;
        } else if (cls.contains("udp")) {
            protocol = 17;
        } else if (cls.contains("tcp")) {
            protocol = 6;
        } else {
            return List.of();
        }
        if (protocol == 1 && b.length - at >= 8) {
            String l = "ICMP";
            fields.addAll(List.of(new Field(l, "type", at, 1), new Field(l, "code", at + 1, 1), new Field(l, "checksum", at + 2, 2),
                    new Field(l, "identifier", at + 4, 2), new Field(l, "sequence number", at + 6, 2)));
            at += 8;
        } else if (protocol == 17 && b.length - at >= 8) {
            String l = "UDP";
            fields.addAll(List.of(new Field(l, "source port", at, 2), new Field(l, "destination port", at + 2, 2),
                    new Field(l, "length", at + 4, 2), new Field(l, "checksum", at + 6, 2)));
            at += 8;
        } else if (protocol == 6 && b.length - at >= 20) {
            String l = "TCP";
            int offset = ((b[at + 12] & 0xf0) >> 4) * 4;
            fields.addAll(List.of(new Field(l, "source port", at, 2), new Field(l, "destination port", at + 2, 2),
                    new Field(l, "sequence number", at + 4, 4), new Field(l, "acknowledgment number", at + 8, 4),
                    new Field(l, "data offset, flags", at + 12, 2), new Field(l, "window", at + 14, 2),
                    new Field(l, "checksum", at + 16, 2), new Field(l, "urgent pointer", at + 18, 2)));
            if (offset > 20 && at + offset <= b.length) {
                fields.add(new Field(l, "options", at + 20, offset - 20));
            }
            at += Math.max(20, Math.min(offset, b.length - at));
        }
        if (at < b.length) {
            fields.add(new Field("payload", "data", at, b.length - at));
        }
        return fields;
    }

    // a field's value: a number for up to 4 bytes (and dotted for an address), hex for longer
    private static String value(byte[] b, Field f) {
        if (f.offset + f.length > b.length) {
            return f.offset >= b.length ? "(missing)" : "(cut short)";
        }
        if (f.name.endsWith("address") && f.length == 4) {
            return (b[f.offset] & 0xff) + "." + (b[f.offset + 1] & 0xff) + "." + (b[f.offset + 2] & 0xff) + "." + (b[f.offset + 3] & 0xff);
        }
        if (f.length <= 4 && !f.name.equals("options")) {
            long v = 0;
            for (int i = 0; i < f.length; i++) {
                v = (v << 8) | (b[f.offset + i] & 0xff);
            }
            return v + String.format(" (0x%0" + (2 * f.length) + "x)", v);
        }
        int shown = Math.min(f.length, 16);
        return java.util.HexFormat.ofDelimiter(" ").formatHex(b, f.offset, f.offset + shown) + (f.length > shown ? " ..." : "")
                + " (" + f.length + " bytes)";
    }
}
