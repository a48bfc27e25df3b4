package socketlabs.instructor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of a folder's Markdown guides that lead nowhere: a relative link to a file the folder
 * does not have, or a {@code #anchor} (in the same guide or in another) that no heading of the
 * target guide makes. Anchors are made as GitHub makes them: the heading's text in lower case,
 * without punctuation, spaces as hyphens, a repeated one numbered ({@code -1}, {@code -2}).
 */
final class GuideLinks {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private GuideLinks() {
    }

    /** Every dead link of the guides under {@code root}, as "guide: [target] why". */
    static List<String> dead(Path root) {
        List<String> out = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path guide : Fs.files(root, ".md")) {
            String rel = Fs.rel(root, guide);
            for (String target : links(Fs.read(guide))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ... leave the folder
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? "" : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                Path to = file.isEmpty() ? guide : guide.getParent().resolve(file).normalize();
                if (!to.startsWith(root) || !Files.exists(to)) {
                    out.add(rel + ": [" + target + "] leads to " + file + ", which is not there");
                } else if (!anchor.isEmpty() && to.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(to, t -> anchors(Fs.read(t))).contains(anchor)) {
                    out.add(rel + ": [" + target + "] names a heading that " + (file.isEmpty() ? "this guide" : file)
                            + " does not have (left out of the handout with an instructor-only passage?)");
                }
            }
        }
        return out;
    }

    /** The link targets of a guide, outside code blocks and inline code. */
    static List<String> links(String guide) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : guide.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fence = !fence;
            } else if (!fence) {
                Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The anchors a guide's headings (and its HTML anchors) make. */
    static Set<String> anchors(String guide) {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : guide.split("\n")) {
            if (FENCE.matcher(line).find()) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String slug = slug(h.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                out.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) {
                out.add(a.group(1));
            }
        }
        return out;
    }

    /** GitHub's anchor of a heading: markup and punctuation out, lower case, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]", "").replace(' ', '-');
    }
}
