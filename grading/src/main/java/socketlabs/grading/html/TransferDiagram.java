package socketlabs.grading.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import socketlabs.grading.Messages;

/**
 * Lab 3's reliable transfer as a time-sequence diagram: the sender's lane on the left, the
 * receiver's on the right, each DATA (or FIN) and ACK an arrow with its number, the time a segment
 * reached the receiver beside it, a time-out drawn where the sender goes back to resend, and a
 * datagram the channel dropped stopped half-way with a cross. Beside it, the reference sequence for
 * the same scenario (or, through the seeded channel, the reference sender's run for the same seed),
 * and in the student's diagram each segment the reference sends in a round and
 * the student did not, drawn dashed in red as missing.
 *
 * <p>The trace ({@code kind "transfer"}): {@code sent} [{t, seg, fate?}], {@code acks} [{t, n, fate?}],
 * {@code expected} [seg], {@code timer_ms}; t in milliseconds, seg "0" or "FIN 3", fate "dropped",
 * "duplicated" or "late". A transfer through the seeded channel has no {@code expected} but may have
 * {@code reference} {sent, acks}: what the reference sender sends through the same channel with the
 * same seed (the tests' model of it), drawn beside with its own times and fates.
 */
final class TransferDiagram {
    private static final int SENDER_X = 120;
    private static final int RECEIVER_X = 320;
    private static final int WIDTH = 410;
    private static final int ROW = 20;
    private static final int MAX_ROWS = 90;

    /** One arrow: a segment sent, an ACK, or a segment the reference sends that is missing. */
    private record Arrow(double t, boolean ack, String label, String fate, boolean missing, boolean timeout) {
    }

    private TransferDiagram() {
    }

    static String render(Map<?, ?> trace, int id, Messages words) {
        List<String> sentSegs = new ArrayList<>();
        List<Arrow> events = events(trace, sentSegs);
        List<String> expected = new ArrayList<>();
        list(trace.get("expected")).forEach(o -> expected.add(str(o)));
        List<Arrow> mine = withTimeoutsAndMissing(events, sentSegs, expected);
        StringBuilder out = new StringBuilder("<div class=\"diagrams\">\n");
        out.append(figure(mine, id * 2, words.get("html.transfer.yours"), true, words));
        if (!expected.isEmpty()) {
            List<Arrow> reference = new ArrayList<>();
            for (String seg : expected) {
                reference.add(new Arrow(-1, false, seg, "", false, false));
            }
            out.append(figure(withTimeoutsAndMissing(reference, expected, List.of()), id * 2 + 1,
                    words.get("html.transfer.reference"), false, words));
        } else if (trace.get("reference") instanceof Map<?, ?> model) {
            // through the seeded channel: the reference sender's own run for the same seed, with its times and fates
            List<String> modelSegs = new ArrayList<>();
            List<Arrow> modelEvents = events(model, modelSegs);
            out.append(figure(withTimeoutsAndMissing(modelEvents, modelSegs, List.of()), id * 2 + 1,
                    words.get("html.transfer.model"), true, words));
        }
        out.append("</div>\n<p class=\"muted\">").append(Html.text(words.get("html.transfer.legend"))).append("</p>\n");
        return out.toString();
    }

    // the DATA, FIN and ACK arrows of a run ({sent, acks}) in time order; the segments sent go to sentSegs
    private static List<Arrow> events(Map<?, ?> run, List<String> sentSegs) {
        List<Arrow> events = new ArrayList<>();
        for (Object o : list(run.get("sent"))) {
            if (o instanceof Map<?, ?> m) {
                String seg = str(m.get("seg"));
                sentSegs.add(seg);
                events.add(new Arrow(num(m.get("t")), false, seg, str(m.get("fate")), false, false));
            }
        }
        for (Object o : list(run.get("acks"))) {
            if (o instanceof Map<?, ?> m) {
                events.add(new Arrow(num(m.get("t")), true, "ACK " + (long) num(m.get("n")), str(m.get("fate")), false, false));
            }
        }
        events.sort((a, b) -> Double.compare(a.t, b.t)); // stable: a send and its ACK at the same ms keep their order
        return events;
    }

    /** Marks each go-back (a segment numbered no higher than the one before) as after a time-out, and adds the missing ones. */
    private static List<Arrow> withTimeoutsAndMissing(List<Arrow> events, List<String> sent, List<String> expected) {
        List<List<String>> myRounds = rounds(sent);
        List<List<String>> refRounds = rounds(expected);
        List<Arrow> out = new ArrayList<>();
        int round = 0;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            Arrow a = events.get(i);
            if (a.ack) {
                out.add(a);
                continue;
            }
            int n = number(a.label);
            boolean back = last != Integer.MIN_VALUE && n <= last;
            if (back) {
                addMissing(out, round, myRounds, refRounds, a.t);
                round++;
            }
            last = n;
            out.add(new Arrow(a.t, false, a.label, a.fate, false, back));
        }
        for (; round < Math.max(refRounds.size(), myRounds.size()); round++) {
            addMissing(out, round, myRounds, refRounds, -1);
        }
        return out;
    }

    // the segments the reference sends in round r that the student's round r lacks, as missing arrows
    private static void addMissing(List<Arrow> out, int r, List<List<String>> mine, List<List<String>> ref, double t) {
        if (r >= ref.size()) {
            return;
        }
        List<String> have = new ArrayList<>(r < mine.size() ? mine.get(r) : List.of());
        boolean first = true;
        for (String seg : ref.get(r)) {
            if (!have.remove(seg)) {
                out.add(new Arrow(t, false, seg, "", true, r >= mine.size() && first && r > 0));
                first = false;
            }
        }
    }

    /** The sends cut into rounds: a new round starts where a segment numbered no higher than the last goes out. */
    static List<List<String>> rounds(List<String> segs) {
        List<List<String>> rounds = new ArrayList<>();
        int last = Integer.MIN_VALUE;
        for (String s : segs) {
            int n = number(s);
            if (rounds.isEmpty() || n <= last) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(rounds.size() - 1).add(s);
            last = n;
        }
        return rounds;
    }

    private static String figure(List<Arrow> arrows, int id, String caption, boolean times, Messages words) {
        int rows = Math.min(arrows.size(), MAX_ROWS);
        int height = 46 + rows * ROW + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure><svg class=\"transfer\" width=\"" + WIDTH + "\" height=\"").append(height).append("\" viewBox=\"0 0 " + WIDTH + " ").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(caption)).append("\">");
        String head = "ah" + id;
        svg.append("<defs><marker id=\"").append(head).append("\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\"")
                .append(" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"context-stroke\"/></marker></defs>");
        svg.append(Svg.text(SENDER_X, 16, "middle", "", words.get("html.transfer.sender")));
        svg.append(Svg.text(RECEIVER_X, 16, "middle", "", words.get("html.transfer.receiver")));
        svg.append(Svg.line(SENDER_X, 24, SENDER_X, height - 8, "#5f6b77", 2, "")).append(Svg.line(RECEIVER_X, 24, RECEIVER_X, height - 8,
                "#5f6b77", 2, ""));
        double y = 40;
        for (int i = 0; i < rows; i++) {
            Arrow a = arrows.get(i);
            if (a.timeout) {
                svg.append(Svg.line(SENDER_X - 40, y - 4, SENDER_X + 40, y - 4, "#b9770e", 1.5, "4 3"));
                svg.append(Svg.text(SENDER_X - 44, y - 1, "end", "#b9770e", words.get("html.transfer.timeout")));
            }
            String color = a.missing ? "#c0392b" : a.ack ? "#1f618d" : "#1d2329";
            double fromX = a.ack ? RECEIVER_X : SENDER_X;
            double toX = a.ack ? SENDER_X : RECEIVER_X;
            boolean dropped = "dropped".equals(a.fate);
            double endX = dropped ? (fromX + toX) / 2 : toX;
            double endY = dropped ? y + 7 : y + 14;
            svg.append("<line x1=\"").append(Svg.n(fromX)).append("\" y1=\"").append(Svg.n(y)).append("\" x2=\"").append(Svg.n(endX))
                    .append("\" y2=\"").append(Svg.n(endY)).append("\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"")
                    .append(a.missing ? " stroke-dasharray=\"5 3\"" : "").append(dropped ? "" : " marker-end=\"url(#" + head + ")\"")
                    .append("/>");
            if (dropped) {
                svg.append(Svg.text(endX, endY + 4, "middle", "#c0392b", "\u2716"));
            }
            String label = (a.ack ? a.label : a.label.startsWith("FIN") || a.label.equals("?") ? a.label : "DATA " + a.label)
                    + (a.missing ? " \u2014 " + words.get("html.transfer.missing") : "")
                    + ("duplicated".equals(a.fate) ? " \u00d72" : "") + ("late".equals(a.fate) ? " (" + words.get("html.transfer.late") + ")" : "");
            svg.append(Svg.text((SENDER_X + RECEIVER_X) / 2.0, y + 3, "middle", color, label));
            if (times && a.t >= 0 && !a.missing) {
                svg.append(Svg.text(a.ack ? RECEIVER_X + 6 : SENDER_X - 8, y + 12, a.ack ? "start" : "end", "#8a96a3",
                        Math.round(a.t) + " ms"));
            }
            y += ROW;
        }
        if (arrows.size() > rows) {
            svg.append(Svg.text(SENDER_X, y + 8, "start", "#5f6b77", words.get("html.transfer.more", arrows.size() - rows)));
        }
        svg.append("</svg><figcaption>").append(Html.text(caption)).append("</figcaption></figure>\n");
        return svg.toString();
    }

    // "3" -> 3, "FIN 3" -> 3, anything else -> -1
    static int number(String seg) {
        try {
            return Integer.parseInt(seg.startsWith("FIN ") ? seg.substring(4).trim() : seg.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static double num(Object o) {
        return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : -1;
    }
}
