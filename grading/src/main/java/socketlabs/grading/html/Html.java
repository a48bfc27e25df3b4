package socketlabs.grading.html;

/**
 * The page's frame and its one escaping rule. Every string that comes from a test, a trace or a
 * student's code goes through {@link #text} (element content and double-quoted attribute values
 * alike); nothing untrusted is ever placed in a script, a style, a URL or an unquoted attribute.
 * The page carries no script at all, and its Content-Security-Policy forbids any: a page stays
 * inert even if an escape were missed.
 */
public final class Html {
    /** Nothing is fetched and nothing runs: inline styles and inline images only. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans KR",sans-serif;margin:0 auto;max-width:1100px;\
            padding:16px 24px;color:#1d2329;background:#fff}
            h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d7dde3}\
            h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse}td,th{padding:3px 8px;text-align:left;vertical-align:top}\
            th{border-bottom:1px solid #b8c1ca}tr.sum td{border-top:1px solid #b8c1ca;font-weight:600}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .muted{color:#5f6b77}.warn{background:#fff4d6;border:1px solid #e9c46a;padding:6px 10px;white-space:pre-wrap}
            .test{border:1px solid #d7dde3;border-left:4px solid #c0392b;border-radius:4px;margin:10px 0;padding:6px 12px}
            .test.skipped{border-left-color:#999}.badge{font-size:12px;padding:1px 6px;border-radius:8px;background:#eef1f4}
            .badge.hidden{background:#efe3ff}
            pre{background:#f6f8fa;border:1px solid #e1e5ea;padding:8px;overflow-x:auto;white-space:pre-wrap;\
            word-break:break-word;font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:6px 0}
            .hex{font:12.5px/1.5 ui-monospace,Menlo,Consolas,monospace;border-collapse:collapse}\
            .hex td{padding:0 3px}.hex .off{color:#8a96a3;padding-right:10px}.hex .lab{color:#5f6b77;padding-right:8px}
            .hex .d{background:#ffd9d6}.hex .first{background:#c0392b;color:#fff;outline:2px solid #7b241c}\
            .hex .none{color:#c0c6cc}.hex tr.act td{padding-bottom:5px}
            .pkt{font-size:13px}.pkt td{border-bottom:1px solid #eef1f4;padding:1px 8px}.pkt .layer td{background:#eef3fb;\
            font-weight:600}.pkt tr.bad td{background:#ffe8e6}.pkt tr.firstbad td{background:#ffd1cc;font-weight:600}
            .diagrams{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.diagrams figure{margin:6px 0}
            figcaption{font-size:12px;color:#5f6b77;max-width:460px}
            svg text{font:11px ui-monospace,Menlo,Consolas,monospace}
            """;

    private Html() {
    }

    /** {@code s} safe as element content and as a double-quoted attribute value. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and newline have no place in a page
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A whole page: {@code title} escaped, {@code body} already HTML. */
    public static String page(String lang, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + ("ko".equals(lang) ? "ko" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + text(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }
}
