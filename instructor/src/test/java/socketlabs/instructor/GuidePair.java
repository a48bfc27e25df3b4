package socketlabs.instructor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares a guide with its Korean twin, and a message bundle with its Korean twin, and says
 * exactly what differs. The prose is free to differ; what a reader copies or counts on is not:
 * the section structure (headings and their levels, table rows per section), every fenced block
 * (comments after {@code #} or {@code //} may be translated), the inline {@code code} that names a
 * command or a path, the numbers, the template placeholders, and the link to the other language.
 *
 * <p>A section that exists in Korean only (how to read the tests' English messages, a task's spec
 * retold from the English Javadoc) carries the marker {@value #KO_ONLY} on its heading line or on
 * the first line after it; it is left out of the comparison, with everything under it.
 */
final class GuidePair {
    static final String KO_ONLY = "<!-- ko-only -->";

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\(([^)\\s]*)\\)");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[A-Z_]+\\}\\}");
    // a number standing on its own: not the 4 of IPv4 or the 01 of lab01, nor the 16 of 16진수 (the word for hex);
    // 65,535 and 65535 are one number
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}._])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?!\\d|진수)");
    // a comment at the end of a line in a fenced block, or a whole comment line: translatable
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(^|\\s+)(#|//)(\\s.*)?$");
    private static final Pattern COMMAND_WORD = Pattern.compile(
            "^(\\./mvnw|mvnw|mvn|java|javac|jshell|sudo|nc|ss|curl|cat|grep|tshark|tcpdump|socat|git|cd|cp|printf|echo"
                    + "|head|ping|bash|tools|setcap|sysctl|strace|python3|unshare|editcap)\\b");
    private static final Pattern FILE_NAME = Pattern.compile(
            ".*\\.(java|md|json|xml|properties|pcap|txt|csv|zip|sh|yml|cmd|bundle|html|log)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,([^}]*))?\\}|%(\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");

    private GuidePair() {
    }

    /** One heading: its level, its text and the table rows of the section it opens. */
    record Heading(int level, String text, int line, int tableRows) {
    }

    /** One fenced block: the line it starts on and its lines, comments cut off. */
    record Block(int line, List<String> lines) {
    }

    /** What of a guide must match its twin. */
    record Outline(List<Heading> headings, List<Block> blocks, Set<String> commands, Set<String> numbers,
                   Set<String> templates, Set<String> links, Set<String> anchors, Set<String> slugs) {
    }

    /** What differs between an English guide and its Korean twin, one sentence each; empty when they agree. */
    static List<String> compare(String enName, String en, String koName, String ko) {
        Outline e = outline(en);
        Outline k = outline(ko);
        List<String> out = new ArrayList<>();
        compareHeadings(e.headings, k.headings, out);
        compareBlocks(e.blocks, k.blocks, out);
        difference("commands and paths in `inline code`", e.commands, k.commands, out);
        difference("numbers", e.numbers, k.numbers, out);
        difference("template placeholders", e.templates, k.templates, out);
        String enFile = Path.of(enName).getFileName().toString();
        String koFile = Path.of(koName).getFileName().toString();
        if (e.links.stream().noneMatch(l -> l.endsWith(koFile))) {
            out.add("the English guide has no link to its Korean twin " + koFile);
        }
        if (k.links.stream().noneMatch(l -> l.endsWith(enFile) && !l.endsWith(koFile))) {
            out.add("the Korean guide has no link back to " + enFile);
        }
        Set<String> broken = new TreeSet<>(k.anchors);
        broken.removeAll(k.slugs);
        if (!broken.isEmpty()) {
            out.add("the Korean guide links to sections it does not have: " + broken + "; its headings give " + k.slugs);
        }
        return out.stream().map(s -> enName + " / " + koName + ": " + s).collect(Collectors.toList());
    }

    /** What differs between a message bundle and its Korean twin: keys, and each key's placeholders. */
    static List<String> compareBundles(String enName, String en, String koName, String ko) {
        Map<String, String> e = load(en);
        Map<String, String> k = load(ko);
        List<String> out = new ArrayList<>();
        Set<String> missing = new TreeSet<>(e.keySet());
        missing.removeAll(k.keySet());
        Set<String> extra = new TreeSet<>(k.keySet());
        extra.removeAll(e.keySet());
        if (!missing.isEmpty()) {
            out.add("keys missing in Korean: " + missing);
        }
        if (!extra.isEmpty()) {
            out.add("keys only in Korean: " + extra);
        }
        for (Map.Entry<String, String> entry : e.entrySet()) {
            String key = entry.getKey();
            if (!k.containsKey(key)) {
                continue;
            }
            List<String> pe = placeholders(entry.getValue());
            List<String> pk = placeholders(k.get(key));
            if (!pe.equals(pk)) {
                out.add("key " + key + ": placeholders " + pe + " in English, " + pk + " in Korean");
            }
            for (Map.Entry<String, String> value : new TreeMap<>(Map.of("English", entry.getValue(), "Korean", k.get(key))).entrySet()) {
                try {
                    new MessageFormat(value.getValue());
                } catch (IllegalArgumentException bad) {
                    out.add("key " + key + ": the " + value.getKey() + " text is not a valid MessageFormat pattern ("
                            + bad.getMessage() + ")");
                }
                if (value.getValue().replace("''", "").contains("'")) {
                    out.add("key " + key + ": the " + value.getKey() + " text has a single apostrophe, which MessageFormat"
                            + " takes as a quote; write it twice ('')");
                }
            }
        }
        return out.stream().map(s -> enName + " / " + koName + ": " + s).collect(Collectors.toList());
    }

    static Outline outline(String markdown) {
        List<Heading> headings = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        Set<String> commands = new TreeSet<>();
        Set<String> numbers = new TreeSet<>();
        Set<String> templates = new TreeSet<>();
        Set<String> links = new LinkedHashSet<>();
        Set<String> anchors = new TreeSet<>();
        Set<String> slugs = new TreeSet<>();
        String[] lines = markdown.split("\n", -1);
        int skipBelow = 0; // inside a Korean-only section of this level (0: not inside one)
        List<String> block = null;
        int blockStart = 0;
        int rows = 0;
        StringBuilder prose = new StringBuilder(); // inline code may run over a line break
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).find()) {
                if (block == null) {
                    block = new ArrayList<>();
                    blockStart = i + 1;
                } else {
                    if (skipBelow == 0) {
                        blocks.add(new Block(blockStart, block));
                    }
                    block = null;
                }
                continue;
            }
            if (block != null) {
                String code = TRAILING_COMMENT.matcher(line).replaceFirst("").stripTrailing();
                if (!code.isBlank()) {
                    block.add(code);
                }
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                int level = h.group(1).length();
                String text = h.group(2);
                slugs.add(slug(text));
                if (skipBelow != 0 && level > skipBelow) {
                    continue;
                }
                skipBelow = 0;
                if (line.contains(KO_ONLY) || nextNonBlank(lines, i).contains(KO_ONLY)) {
                    skipBelow = level;
                    continue;
                }
                if (!headings.isEmpty()) {
                    Heading last = headings.remove(headings.size() - 1);
                    headings.add(new Heading(last.level, last.text, last.line, rows));
                }
                headings.add(new Heading(level, text, i + 1, 0));
                rows = 0;
            }
            if (skipBelow != 0) {
                continue;
            }
            if (line.stripLeading().startsWith("|") && !line.matches("^\\s*\\|[\\s|:-]+\\|?\\s*$")) {
                rows++;
            }
            String text = HTML_COMMENT.matcher(line).replaceAll("");
            Matcher link = LINK_TARGET.matcher(text);
            while (link.find()) {
                links.add(link.group(1));
                if (link.group(1).startsWith("#")) {
                    anchors.add(link.group(1).substring(1));
                }
            }
            text = LINK_TARGET.matcher(text).replaceAll("]");
            prose.append(text).append('\n');
            Matcher t = TEMPLATE.matcher(text);
            while (t.find()) {
                templates.add(t.group());
            }
            Matcher n = NUMBER.matcher(text);
            while (n.find()) {
                String whole = n.group(1).replace(",", "");
                String number = whole.length() > 1 ? whole.replaceFirst("^0+(?=\\d)", "") : whole;
                numbers.add(n.group(2) == null ? number : number + n.group(2));
            }
        }
        if (!headings.isEmpty()) {
            Heading last = headings.remove(headings.size() - 1);
            headings.add(new Heading(last.level, last.text, last.line, rows));
        }
        Matcher code = INLINE_CODE.matcher(prose);
        while (code.find()) {
            String span = code.group(1).strip().replaceAll("\\s+", " ");
            if (commandLike(span)) {
                commands.add(span);
            }
        }
        return new Outline(headings, blocks, commands, numbers, templates, links, anchors, slugs);
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = HTML_COMMENT.matcher(heading).replaceAll("").strip();
        return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }

    static boolean commandLike(String code) {
        String c = code.strip();
        return c.contains("/") || c.startsWith("-") || c.contains(" -") || COMMAND_WORD.matcher(c).find()
                || FILE_NAME.matcher(c).matches();
    }

    static Map<String, String> load(String properties) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new TreeSet<>(p.stringPropertyNames()).forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    static List<String> placeholders(String message) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            out.add(m.group());
        }
        out.sort(null);
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nextNonBlank(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return lines[j];
            }
        }
        return "";
    }

    private static void compareHeadings(List<Heading> e, List<Heading> k, List<String> out) {
        for (int i = 0; i < Math.max(e.size(), k.size()); i++) {
            Heading he = i < e.size() ? e.get(i) : null;
            Heading hk = i < k.size() ? k.get(i) : null;
            boolean sameLevel = he != null && hk != null && he.level == hk.level;
            if (!sameLevel || e.size() != k.size() && he.tableRows != hk.tableRows) {
                // a section added or dropped on one side: the first heading whose shape differs is where
                out.add("sections differ at heading " + (i + 1) + " (English has " + e.size() + " headings, Korean "
                        + k.size() + "): English " + describe(he) + ", Korean " + describe(hk));
                return;
            }
            if (he.tableRows != hk.tableRows) {
                out.add("section " + describe(he) + " has " + he.tableRows + " table rows in English, " + hk.tableRows
                        + " in Korean (" + describe(hk) + ")");
            }
        }
    }

    private static String describe(Heading h) {
        return h == null ? "(none)" : "\"" + "#".repeat(h.level) + " " + h.text + "\" (line " + h.line + ", " + h.tableRows
                + " table rows)";
    }

    private static void compareBlocks(List<Block> e, List<Block> k, List<String> out) {
        if (e.size() != k.size()) {
            out.add("English has " + e.size() + " code blocks, Korean " + k.size());
        }
        for (int i = 0; i < Math.min(e.size(), k.size()); i++) {
            List<String> le = e.get(i).lines;
            List<String> lk = k.get(i).lines;
            for (int j = 0; j < Math.max(le.size(), lk.size()); j++) {
                String a = j < le.size() ? le.get(j) : "(no line)";
                String b = j < lk.size() ? lk.get(j) : "(no line)";
                if (!a.equals(b)) {
                    out.add("code block " + (i + 1) + " (English line " + e.get(i).line + ", Korean line " + k.get(i).line
                            + ") differs at its line " + (j + 1) + ": English `" + a + "`, Korean `" + b + "`");
                    break;
                }
            }
            if (e.size() != k.size() && out.size() > 5) {
                return; // one block missing shifts every one after it: the first differences say enough
            }
        }
    }

    private static void difference(String what, Set<String> e, Set<String> k, List<String> out) {
        Set<String> onlyE = new TreeSet<>(e);
        onlyE.removeAll(k);
        Set<String> onlyK = new TreeSet<>(k);
        onlyK.removeAll(e);
        if (!onlyE.isEmpty() || !onlyK.isEmpty()) {
            out.add(what + " differ: only in English " + onlyE + ", only in Korean " + onlyK);
        }
    }
}
