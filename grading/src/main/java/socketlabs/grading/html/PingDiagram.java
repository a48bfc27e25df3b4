package socketlabs.grading.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import socketlabs.grading.Messages;

/**
 * Lab 3's pinger as a time-sequence diagram: the pinger's lane on the left, the server's on the
 * right, each ping an arrow with its sequence number, each reply an arrow back (a late one and a
 * second copy marked), a ping the server never answered stopped with a cross, a time-out drawn on
 * the pinger's lane where a correct pinger gives a ping up. Beside each ping, the result the
 * student's pinger reported ("seq=3 time=0.081 ms" or "timed out"), in red with the expected one
 * when it is wrong; beside each reply, how long after the ping's send the reply left the server
 * (a lower bound of the real round-trip time), and a reported time far below it (under half) marked.
 * Pings the test expected that never reached the server are drawn dashed in red, and a pinger that
 * did not return is said so at the end.
 *
 * <p>The trace ({@code kind "ping"}): {@code pings} [{t, seq}] as the server got them (seq -1 for
 * a datagram that is no ping), {@code replies} [{t, seq, late?, copy?, since_send_ms?}] as it sent
 * them, {@code unanswered} [seq] the pings it never answered, {@code expected} [bool] whether a
 * correct pinger gets a reply to ping 1, 2, ..., {@code reported} [{seq, rtt_ms}] (rtt_ms -1 for
 * "timed out") when the pinger returned, else {@code outcome} saying what it did, {@code timeout_ms}.
 */
final class PingDiagram {
    private static final int CLIENT_X = 290;
    private static final int SERVER_X = 500;
    private static final int WIDTH = 800;
    private static final int ROW = 22;
    private static final int MAX_ROWS = 90;
    private static final String RED = "#c0392b";

    /** One row: a ping, a reply, a time-out, a ping never sent, or the pinger's end. */
    private record Row(Kind kind, int seq, double t, boolean late, boolean copy, double sinceSendMs) {
    }

    private enum Kind { PING, STRAY, REPLY, TIMEOUT, NEVER, END }

    private PingDiagram() {
    }

    static String render(Map<?, ?> trace, int id, Messages words) {
        List<Row> events = new ArrayList<>();
        for (Object o : TransferDiagram.list(trace.get("pings"))) {
            if (o instanceof Map<?, ?> m) {
                int seq = (int) TransferDiagram.num(m.get("seq"));
                events.add(new Row(seq < 0 ? Kind.STRAY : Kind.PING, seq, TransferDiagram.num(m.get("t")), false, false, -1));
            }
        }
        for (Object o : TransferDiagram.list(trace.get("replies"))) {
            if (o instanceof Map<?, ?> m) {
                events.add(new Row(Kind.REPLY, (int) TransferDiagram.num(m.get("seq")), TransferDiagram.num(m.get("t")),
                        Boolean.TRUE.equals(m.get("late")), TransferDiagram.num(m.get("copy")) > 1,
                        TransferDiagram.num(m.get("since_send_ms"))));
            }
        }
        events.sort((a, b) -> Double.compare(a.t, b.t)); // stable: a ping and its reply at the same ms keep their order
        Set<Integer> unanswered = new HashSet<>();
        TransferDiagram.list(trace.get("unanswered")).forEach(o -> unanswered.add((int) TransferDiagram.num(o)));
        List<Boolean> expected = new ArrayList<>();
        TransferDiagram.list(trace.get("expected")).forEach(o -> expected.add(Boolean.TRUE.equals(o)));
        Map<Integer, Double> reported = new HashMap<>();
        boolean returned = trace.get("reported") instanceof List<?>;
        for (Object o : TransferDiagram.list(trace.get("reported"))) {
            if (o instanceof Map<?, ?> m) {
                reported.putIfAbsent((int) TransferDiagram.num(m.get("seq")), TransferDiagram.num(m.get("rtt_ms")));
            }
        }
        List<Row> rows = withTimeouts(events, expected.size(), returned);
        if (!returned) {
            rows.add(new Row(Kind.END, 0, -1, false, false, -1));
        }
        double timeoutMs = TransferDiagram.num(trace.get("timeout_ms"));
        String outcome = TransferDiagram.str(trace.get("outcome"));

        int shown = Math.min(rows.size(), MAX_ROWS);
        int height = 46 + shown * ROW + 24;
        StringBuilder svg = new StringBuilder("<div class=\"diagrams\">\n<figure><svg class=\"ping\" width=\"" + WIDTH + "\" height=\"")
                .append(height).append("\" viewBox=\"0 0 " + WIDTH + " ").append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.text(words.get("html.ping.caption"))).append("\">");
        String head = "ph" + id;
        svg.append("<defs><marker id=\"").append(head).append("\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\"")
                .append(" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"context-stroke\"/></marker></defs>");
        svg.append(Svg.text(CLIENT_X, 16, "middle", "", words.get("html.ping.client")));
        svg.append(Svg.text(SERVER_X, 16, "middle", "", words.get("html.ping.server")));
        svg.append(Svg.line(CLIENT_X, 24, CLIENT_X, height - 8, "#5f6b77", 2, "")).append(Svg.line(SERVER_X, 24, SERVER_X, height - 8, "#5f6b77", 2, ""));
        Set<Integer> firstReplySeen = new HashSet<>();
        double y = 40;
        for (int i = 0; i < shown; i++) {
            Row r = rows.get(i);
            switch (r.kind) {
                case PING, STRAY, NEVER -> {
                    boolean never = r.kind == Kind.NEVER;
                    String color = never ? RED : "#1d2329";
                    boolean noReply = r.kind == Kind.PING && unanswered.contains(r.seq);
                    svg.append(arrow(CLIENT_X, y, SERVER_X, y + 14, color, never, head));
                    String label = r.kind == Kind.STRAY ? words.get("html.ping.notaping")
                            : "PING " + r.seq + (never ? " \u2014 " + words.get("html.ping.never") : "");
                    svg.append(Svg.text((CLIENT_X + SERVER_X) / 2.0, y + 3, "middle", color, label));
                    if (noReply) {
                        svg.append(Svg.text(SERVER_X + 8, y + 17, "start", RED, "\u2716 " + words.get("html.ping.noreply")));
                    } else if (r.t >= 0 && !never) {
                        svg.append(Svg.text(SERVER_X + 8, y + 17, "start", "#8a96a3", ms(r.t)));
                    }
                    if (r.kind != Kind.STRAY) {
                        svg.append(result(r.seq, y, reported, returned, expected, words));
                    }
                }
                case REPLY -> {
                    String color = r.late || r.copy ? "#b9770e" : "#1f618d";
                    svg.append(arrow(SERVER_X, y, CLIENT_X, y + 14, color, false, head));
                    String label = words.get("html.ping.reply", r.seq) + (r.late ? " (" + words.get("html.ping.late") + ")" : "")
                            + (r.copy ? " (" + words.get("html.ping.copy") + ")" : "");
                    svg.append(Svg.text((CLIENT_X + SERVER_X) / 2.0, y + 3, "middle", color, label));
                    if (r.sinceSendMs >= 0) {
                        Double you = reported.get(r.seq);
                        boolean first = firstReplySeen.add(r.seq);
                        // below half the bound only: a pinger may start its clock a little after the time its ping carries
                        boolean impossible = first && !r.late && you != null && you >= 0 && you < r.sinceSendMs / 2;
                        svg.append(Svg.text(SERVER_X + 8, y + 17, "start", impossible ? RED : "#8a96a3",
                                words.get("html.ping.real", ms(r.sinceSendMs))));
                        if (impossible) {
                            svg.append(Svg.text(CLIENT_X - 8, y + 17, "end", RED, words.get("html.ping.impossible", r.seq, ms(you))));
                        }
                    }
                }
                case TIMEOUT -> {
                    svg.append(Svg.line(CLIENT_X - 40, y + 4, CLIENT_X + 40, y + 4, "#b9770e", 1.5, "4 3"));
                    svg.append(Svg.text(CLIENT_X + 46, y + 8, "start", "#b9770e", words.get("html.ping.timeout", r.seq)
                            + (timeoutMs >= 0 ? " (" + ms(timeoutMs) + ")" : "")));
                }
                case END -> svg.append(Svg.text(CLIENT_X - 8, y + 8, "end", RED, words.get("html.ping.noresults")));
                default -> {
                }
            }
            y += ROW;
        }
        if (rows.size() > shown) {
            svg.append(Svg.text(CLIENT_X, y + 8, "start", "#5f6b77", words.get("html.transfer.more", rows.size() - shown)));
        }
        svg.append("</svg><figcaption>").append(Html.text(words.get("html.ping.caption"))).append("</figcaption></figure>\n</div>\n");
        if (!returned && !outcome.isEmpty()) {
            svg.append("<p class=\"muted\">").append(Html.text(outcome)).append("</p>\n");
        }
        svg.append("<p class=\"muted\">").append(Html.text(words.get("html.ping.legend"))).append("</p>\n");
        return svg.toString();
    }

    /**
     * The events with a time-out after each ping whose own reply did not come before the next ping
     * (where a correct pinger gives it up and moves on), and the expected pings that never reached
     * the server drawn after them. A pinger that did not return gets no time-out at the end.
     */
    static List<Row> withTimeouts(List<Row> events, int count, boolean returned) {
        List<Row> rows = new ArrayList<>();
        Set<Integer> pinged = new HashSet<>();
        int waiting = -1; // the ping whose reply has not come yet
        for (Row r : events) {
            if (r.kind == Kind.PING) {
                if (waiting > 0) {
                    rows.add(new Row(Kind.TIMEOUT, waiting, r.t, false, false, -1));
                }
                waiting = r.seq;
                pinged.add(r.seq);
            } else if (r.kind == Kind.REPLY && r.seq == waiting && !r.late) {
                waiting = -1;
            }
            rows.add(r);
        }
        boolean missingAny = false;
        for (int seq = 1; seq <= count; seq++) {
            if (!pinged.contains(seq)) {
                missingAny = true;
            }
        }
        if (waiting > 0 && !missingAny && returned) { // a pinger that never returned gave nothing up
            rows.add(new Row(Kind.TIMEOUT, waiting, -1, false, false, -1));
        }
        for (int seq = 1; seq <= count; seq++) {
            if (!pinged.contains(seq)) {
                rows.add(new Row(Kind.NEVER, seq, -1, false, false, -1));
            }
        }
        return rows;
    }

    // the pinger's result for seq, beside its ping on the pinger's side; red with the expected result when it is wrong
    private static String result(int seq, double y, Map<Integer, Double> reported, boolean returned, List<Boolean> expected,
            Messages words) {
        if (!returned) {
            return "";
        }
        Double rtt = reported.get(seq);
        String you = rtt == null ? words.get("html.ping.noresult") : rtt < 0 ? words.get("html.ping.timedout")
                : "time=" + String.format(Locale.ROOT, "%.3f ms", rtt);
        Boolean want = seq >= 1 && seq <= expected.size() ? expected.get(seq - 1) : null;
        boolean wrong = rtt == null || want != null && want != (rtt >= 0);
        String color = wrong ? RED : "#2e6b47";
        String expectedOne = wrong && want != null ? " \u2014 " + words.get("html.ping.expected",
                want ? words.get("html.ping.areply") : words.get("html.ping.timedout")) : "";
        return Svg.text(CLIENT_X - 8, y + 6, "end", color, "seq=" + seq + " " + you + expectedOne);
    }

    private static String arrow(double x1, double y1, double x2, double y2, String color, boolean dashed, String head) {
        return "<line x1=\"" + Svg.n(x1) + "\" y1=\"" + Svg.n(y1) + "\" x2=\"" + Svg.n(x2) + "\" y2=\"" + Svg.n(y2) + "\" stroke=\""
                + color + "\" stroke-width=\"1.5\"" + (dashed ? " stroke-dasharray=\"5 3\"" : "") + " marker-end=\"url(#" + head + ")\"/>";
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.3f ms" : "%.0f ms", v);
    }
}
