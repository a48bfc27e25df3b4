package socketlabs.grading.html;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import socketlabs.grading.Messages;

/**
 * Lab 2's exchange as the test peer saw it ({@code kind "exchange"}, recorded by
 * {@link socketlabs.grading.Wire}): one row for each write and each read in the order they
 * happened, in two lanes (the peer to your code, your code back to the peer), each chunk's bytes as
 * hex and text; then the streams themselves, 16 bytes a row, with a bar where each write or read
 * began, so a read that took two messages, or half of one, shows; what came back under what was
 * expected, the first byte that differs marked; and the messages your code decoded beside those sent.
 */
final class ExchangeView {
    /** Bytes of one chunk shown in its row. */
    static final int CHUNK_SHOWN = 32;
    /** Rows of the sequence drawn at most. */
    static final int MAX_ROWS = 120;
    /** Bytes of a stream drawn in the aligned view. */
    static final int STREAM_SHOWN = 256;
    private static final String BAR = "border-left:3px solid #1f618d";

    /** One write, read or event. */
    record Chunk(boolean out, String op, long at, long len, byte[] bytes, long asked, String what) {
    }

    /** A stream as one side saw it: its kept bytes, its full length, and where each chunk began. */
    record Stream(byte[] bytes, long len, List<Long> starts, int count) {
    }

    private ExchangeView() {
    }

    static List<Chunk> chunks(Map<?, ?> trace) {
        List<Chunk> out = new ArrayList<>();
        for (Object o : TransferDiagram.list(trace.get("chunks"))) {
            if (o instanceof Map<?, ?> m) {
                String op = TransferDiagram.str(m.get("op"));
                if (!op.equals("write") && !op.equals("read") && !op.equals("event")) {
                    continue;
                }
                out.add(new Chunk("out".equals(m.get("dir")), op, (long) TransferDiagram.num(m.get("at")),
                        (long) TransferDiagram.num(m.get("len")), hex(m.get("hex")), (long) TransferDiagram.num(m.get("asked")),
                        TransferDiagram.str(m.get("what"))));
            }
        }
        return out;
    }

    /** The chunks of one direction and op joined: the bytes kept (a prefix of the stream) and each chunk's start. */
    static Stream stream(List<Chunk> chunks, boolean out, String op) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Long> starts = new ArrayList<>();
        long len = 0;
        int count = 0;
        for (Chunk c : chunks) {
            if (c.out == out && c.op.equals(op)) {
                count++;
                long at = c.at >= 0 ? c.at : len;
                starts.add(at);
                if (at == bytes.size()) { // kept bytes stay a prefix: a chunk whose start was not kept adds none
                    bytes.writeBytes(c.bytes);
                }
                len = Math.max(len, at + Math.max(c.len, c.bytes.length));
            }
        }
        return new Stream(bytes.toByteArray(), len, starts, count);
    }

    /** The IN stream as the peer read it if it recorded its reads, else as your code wrote it. */
    static Stream incoming(List<Chunk> chunks) {
        Stream read = stream(chunks, false, "read");
        return read.count > 0 ? read : stream(chunks, false, "write");
    }

    /**
     * Where what came back ({@code got}, {@code gotLen} bytes in all) first differs from what was
     * expected: a byte that differs, or where the shorter ends; -1 when they agree.
     */
    static long firstDifference(byte[] expected, long expectedLen, byte[] got, long gotLen) {
        int common = Math.min(expected.length, got.length);
        for (int i = 0; i < common; i++) {
            if (expected[i] != got[i]) {
                return i;
            }
        }
        return expectedLen == gotLen ? -1 : Math.min(expectedLen, gotLen);
    }

    static String render(Map<?, ?> trace, Messages words) {
        String peer = TransferDiagram.str(trace.get("peer"));
        String yours = TransferDiagram.str(trace.get("yours"));
        List<Chunk> chunks = chunks(trace);
        boolean inByReads = stream(chunks, false, "read").count > 0;
        Stream kept = incoming(chunks);
        // the stream's whole length, counted also past the chunks recorded
        long inLen = kept.len;
        if (trace.get("totals") instanceof Map<?, ?> totals && totals.get(inByReads ? "in read" : "in write") instanceof List<?> total
                && !total.isEmpty() && total.get(0) instanceof Number n) {
            inLen = Math.max(inLen, n.longValue());
        }
        Stream in = new Stream(kept.bytes, inLen, kept.starts, kept.count);
        byte[] expected = trace.get("expected") instanceof String ? hex(trace.get("expected")) : null;
        long expectedLen = expected == null ? 0 : Math.max(expected.length, (long) TransferDiagram.num(trace.get("expected_len")));
        long first = expected == null ? -1 : firstDifference(expected, expectedLen, in.bytes, in.len);
        StringBuilder out = new StringBuilder("<p>");
        for (String[] s : new String[][] {{"out", "write", peer}, {"out", "read", yours}, {"in", "write", yours}, {"in", "read", peer}}) {
            Stream st = stream(chunks, s[0].equals("out"), s[1]);
            long bytes = st.len;
            long count = st.count;
            if (trace.get("totals") instanceof Map<?, ?> totals && totals.get(s[0] + " " + s[1]) instanceof List<?> total
                    && total.size() == 2 && total.get(0) instanceof Number b && total.get(1) instanceof Number n) {
                bytes = Math.max(bytes, b.longValue()); // what was not kept, counted
                count = Math.max(count, n.longValue());
            }
            if (count > 0) {
                out.append(Html.text(words.get("html.exchange." + s[1] + "s", s[2], bytes, count))).append("<br>\n");
            }
        }
        if (expected != null) {
            out.append("<strong>").append(Html.text(verdict(first, expected, expectedLen, in, peer, words))).append("</strong>");
        }
        out.append("</p>\n");
        out.append(sequence(chunks, peer, yours, inByReads, first, words));
        if (TransferDiagram.num(trace.get("omitted")) > 0) {
            out.append("<p class=\"muted\">").append(Html.text(words.get("html.exchange.unrecorded", (long) TransferDiagram.num(trace.get("omitted")),
                    chunks.size()))).append("</p>\n");
        }
        out.append(streams(chunks, in, expected, expectedLen, first, words));
        if (trace.get("frames") instanceof Map<?, ?> frames) {
            out.append(frames(frames, words));
        }
        return out.toString();
    }

    // what the peer received against what it expected
    private static String verdict(long first, byte[] expected, long expectedLen, Stream in, String peer, Messages words) {
        if (first < 0) {
            long checked = Math.min(expected.length, in.bytes.length);
            return checked < expectedLen ? words.get("html.exchange.same.kept", checked, peer, expectedLen)
                    : words.get("html.exchange.same", expectedLen, peer);
        }
        if (first < expected.length && first < in.bytes.length) {
            return words.get("html.exchange.first", first, expectedLen, in.len, byteText(expected[(int) first]),
                    byteText(in.bytes[(int) first]), peer);
        }
        return in.len < expectedLen ? words.get("html.exchange.short", expectedLen, in.len, peer)
                : words.get("html.exchange.long", expectedLen, in.len, peer);
    }

    // "6f 'o'" or "0a"
    private static String byteText(byte b) {
        int c = b & 0xff;
        return HexFormat.of().toHexDigits(b) + (c >= 0x20 && c < 0x7f ? " '" + (char) c + "'" : "");
    }

    /**
     * One row for each run of writes or reads that follow one another the same way (one byte a write makes a run of
     * many), in the lane of its direction; each chunk's bytes begin at a bar, and hold the chunk's own label as a title.
     */
    private static String sequence(List<Chunk> chunks, String peer, String yours, boolean inByReads, long first, Messages words) {
        StringBuilder out = new StringBuilder("<table class=\"hex\">\n<tr><th>#</th><th>").append(Html.text(peer + " \u2192 " + yours))
                .append("</th><th>").append(Html.text(yours + " \u2192 " + peer)).append("</th></tr>\n");
        int row = 0;
        for (int i = 0; i < chunks.size(); ) {
            if (row >= MAX_ROWS) {
                out.append("<tr><td></td><td colspan=\"2\" class=\"off\">").append(Html.text(words.get("html.exchange.omitted",
                        chunks.size() - i))).append("</td></tr>\n");
                break;
            }
            Chunk c = chunks.get(i);
            int j = i + 1;
            while (!c.op.equals("event") && j < chunks.size() && chunks.get(j).out == c.out && chunks.get(j).op.equals(c.op)) {
                j++;
            }
            row++;
            boolean compared = !c.out && c.op.equals(inByReads ? "read" : "write");
            String actor = c.out ? c.op.equals("write") ? peer : yours : c.op.equals("write") ? yours : peer;
            String cell = cell(chunks.subList(i, j), actor, compared ? first : -1, words);
            out.append("<tr><td class=\"off\">").append(row).append("</td>")
                    .append(c.out ? "<td>" + cell + "</td><td></td>" : "<td></td><td>" + cell + "</td>").append("</tr>\n");
            i = j;
        }
        out.append("</table>\n");
        return out.toString();
    }

    private static String label(Chunk c, String actor, Messages words) {
        long last = c.at + c.len - 1;
        return c.op.equals("write") ? words.get("html.exchange.write", actor, c.len, c.at, last)
                : c.asked > 0 ? words.get("html.exchange.read.asked", actor, c.len, c.at, last, c.asked)
                : words.get("html.exchange.read", actor, c.len, c.at, last);
    }

    private static String cell(List<Chunk> run, String actor, long first, Messages words) {
        Chunk c = run.get(0);
        if (c.op.equals("event")) {
            String key = switch (c.what) {
                case "eof", "halfclose", "reset", "timeout" -> "html.exchange." + c.what;
                default -> null;
            };
            return "<em>" + Html.text(key == null ? c.what : words.get(key)) + "</em>";
        }
        Chunk end = run.get(run.size() - 1);
        long total = 0;
        for (Chunk k : run) {
            total += k.len;
        }
        String label = run.size() == 1 ? label(c, actor, words)
                : words.get("html.exchange." + c.op + "s.run", actor, run.size(), total, c.at, end.at + end.len - 1);
        StringBuilder hex = new StringBuilder();
        StringBuilder ascii = new StringBuilder();
        int shown = 0;
        long hidden = 0;
        for (int k = 0; k < run.size(); k++) {
            Chunk x = run.get(k);
            int n = Math.max(0, Math.min(CHUNK_SHOWN - shown, x.bytes.length));
            hidden += x.len - n;
            if (n == 0) {
                continue;
            }
            String open = "<span title=\"" + Html.text(label(x, actor, words)) + "\"" + (k > 0 ? " style=\"" + BAR + ";padding-left:2px\"" : "") + ">";
            hex.append(open);
            ascii.append(open);
            for (int i = 0; i < n; i++) {
                long at = x.at + i;
                String cls = first >= 0 && at == first ? "first" : first >= 0 && at > first ? "d" : "";
                hex.append("<span").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"")
                        .append(cls.equals("first") ? " title=\"first difference, byte " + at + "\"" : "").append('>')
                        .append(HexFormat.of().toHexDigits(x.bytes[i])).append("</span> ");
                int b = x.bytes[i] & 0xff;
                ascii.append(Html.text(String.valueOf(b >= 0x20 && b < 0x7f ? (char) b : '.')));
            }
            hex.append("</span>");
            ascii.append("</span>");
            shown += n;
        }
        StringBuilder out = new StringBuilder("<span class=\"muted\">").append(Html.text(label)).append("</span><br>").append(hex);
        if (hidden > 0) {
            out.append(Html.text(words.get("html.exchange.more", hidden)));
        }
        return out.append("<br><span class=\"off\">").append(ascii).append("</span>").toString();
    }

    /** The streams, 16 bytes a row, a bar where each chunk began: what came back under what was expected, and how the peer's bytes were cut. */
    private static String streams(List<Chunk> chunks, Stream in, byte[] expected, long expectedLen, long first, Messages words) {
        List<String[]> labels = new ArrayList<>();
        List<Stream> rows = new ArrayList<>();
        Stream outWrites = stream(chunks, true, "write");
        Stream outReads = stream(chunks, true, "read");
        if (outWrites.count > 0 && outReads.count > 0) { // both cuts of the same bytes: where the reader's differ
            labels.add(new String[] {words.get("html.exchange.row.written"), ""});
            rows.add(outWrites);
            labels.add(new String[] {words.get("html.exchange.row.read"), ""});
            rows.add(outReads);
        }
        if (expected != null) {
            labels.add(new String[] {words.get("html.expected.short"), "exp"});
            rows.add(new Stream(expected, expectedLen, List.of(), 0));
        }
        if (in.count > 0 || expected != null) {
            labels.add(new String[] {words.get("html.exchange.row.back"), "act"});
            rows.add(in);
        }
        if (rows.isEmpty()) {
            return "";
        }
        int longest = 0;
        for (Stream s : rows) {
            longest = Math.max(longest, s.bytes.length);
        }
        // a window of STREAM_SHOWN bytes, starting a little before the first difference
        int from = first < 0 ? 0 : (int) Math.max(0, Math.min(first, longest) / HexView.ROW * HexView.ROW - 2 * HexView.ROW);
        int to = Math.min(longest, from + STREAM_SHOWN);
        StringBuilder out = new StringBuilder("<p class=\"muted\">").append(Html.text(words.get("html.exchange.streams")))
                .append("</p>\n<table class=\"hex\">\n");
        for (int row = from; row < Math.max(to, from + 1); row += HexView.ROW) {
            for (int r = 0; r < rows.size(); r++) {
                out.append(line(labels.get(r), row, rows.get(r), first, r == rows.size() - 1 && expected != null));
            }
        }
        out.append("</table>\n");
        if (longest > to || from > 0) {
            out.append("<p class=\"muted\">").append(Html.text(words.get("html.exchange.window", from, to - 1))).append("</p>\n");
        }
        return out.toString();
    }

    private static String line(String[] label, int row, Stream s, long first, boolean marked) {
        StringBuilder out = new StringBuilder("<tr").append(label[1].isEmpty() ? "" : " class=\"" + label[1] + "\"")
                .append("><td class=\"lab\">").append(Html.text(label[0])).append("</td><td class=\"off\">")
                .append(String.format("%04x", row)).append("</td>");
        StringBuilder ascii = new StringBuilder();
        for (int i = row; i < row + HexView.ROW; i++) {
            boolean starts = s.starts.contains((long) i) && i > 0;
            String style = starts ? " style=\"" + BAR + "\"" : "";
            if (i >= s.bytes.length) {
                out.append("<td class=\"none\"").append(style).append(">").append(i < s.len ? ".." : "").append("</td>");
                continue;
            }
            String cls = marked && first >= 0 && i == first ? "first" : marked && first >= 0 && i > first ? "d" : "";
            out.append("<td").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append(style).append('>')
                    .append(HexFormat.of().toHexDigits(s.bytes[i])).append("</td>");
            int b = s.bytes[i] & 0xff;
            ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return out.append("<td class=\"off\">").append(Html.text(ascii.toString())).append("</td></tr>\n").toString();
    }

    /** The messages decoded beside those sent; the first that differs marked, and in it the first byte that differs. */
    private static String frames(Map<?, ?> frames, Messages words) {
        List<byte[]> expected = new ArrayList<>();
        List<Long> expectedLen = new ArrayList<>();
        List<byte[]> actual = new ArrayList<>();
        List<Long> actualLen = new ArrayList<>();
        for (Object o : TransferDiagram.list(frames.get("expected"))) {
            if (o instanceof Map<?, ?> m) {
                expected.add(hex(m.get("hex")));
                expectedLen.add((long) TransferDiagram.num(m.get("len")));
            }
        }
        for (Object o : TransferDiagram.list(frames.get("actual"))) {
            if (o instanceof Map<?, ?> m) {
                actual.add(hex(m.get("hex")));
                actualLen.add((long) TransferDiagram.num(m.get("len")));
            }
        }
        int firstBad = -1;
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && firstBad < 0; i++) {
            if (i >= expected.size() || i >= actual.size() || firstDifference(expected.get(i), expectedLen.get(i), actual.get(i),
                    actualLen.get(i)) >= 0) {
                firstBad = i;
            }
        }
        StringBuilder out = new StringBuilder("<h4>").append(Html.text(words.get("html.exchange.frames"))).append("</h4>\n<p>")
                .append(Html.text(firstBad < 0 ? words.get("html.exchange.frames.same", expected.size())
                        : words.get("html.exchange.frames.first", firstBad + 1, expected.size(), actual.size())))
                .append("</p>\n<table class=\"hex\">\n<tr><th>#</th><th>").append(Html.text(words.get("html.expected.short")))
                .append("</th><th>").append(Html.text(words.get("html.exchange.frames.yours"))).append("</th></tr>\n");
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            long diff = -1;
            if (i < expected.size() && i < actual.size()) {
                diff = firstDifference(expected.get(i), expectedLen.get(i), actual.get(i), actualLen.get(i));
            }
            out.append("<tr").append(i == firstBad ? " style=\"background:#ffe8e6\"" : "").append("><td class=\"off\">")
                    .append(i + 1).append("</td><td>")
                    .append(i < expected.size() ? frame(expected.get(i), expectedLen.get(i), -1, words) : "")
                    .append("</td><td>")
                    .append(i < actual.size() ? frame(actual.get(i), actualLen.get(i), i == firstBad ? Math.max(diff, 0) : -1, words)
                            : "<em>" + Html.text(words.get("html.exchange.frames.none")) + "</em>")
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String frame(byte[] bytes, long len, long first, Messages words) {
        Chunk c = new Chunk(false, "frame", 0, Math.max(len, bytes.length), bytes, -1, "");
        StringBuilder out = new StringBuilder("<span class=\"muted\">").append(Html.text(words.get("html.exchange.frame.len", c.len)))
                .append("</span><br>");
        StringBuilder ascii = new StringBuilder();
        int shown = Math.min(CHUNK_SHOWN, bytes.length);
        for (int i = 0; i < shown; i++) {
            String cls = first >= 0 && i == first ? "first" : first >= 0 && i > first ? "d" : "";
            out.append("<span").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append('>')
                    .append(HexFormat.of().toHexDigits(bytes[i])).append("</span> ");
            int b = bytes[i] & 0xff;
            ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        if (c.len > shown) {
            out.append(Html.text(words.get("html.exchange.more", c.len - shown)));
        }
        return out.append("<br><span class=\"off\">").append(Html.text(ascii.toString())).append("</span>").toString();
    }

    // hex text from a trace; anything that is not hex is no bytes
    static byte[] hex(Object o) {
        try {
            return o instanceof String s ? HexFormat.of().parseHex(s) : new byte[0];
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
