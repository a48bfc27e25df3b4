package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The course in two languages: every guide has a Korean twin that matches it in everything but the
 * prose (see {@link GuidePair}), and every output message bundle has a Korean twin with the same
 * keys and placeholders. Reads files only; a second or less.
 */
@DisplayName("the English and Korean guides and messages agree")
class GuidesInSyncTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    // the guides a student or an instructor reads; each must have a Korean twin NAME.ko.md beside it
    private static final List<String> GUIDES = List.of("README.md", "docs/INSTRUCTOR.md",
            "instructor/src/main/resources/socketlabs/instructor/handout/README.md");

    static List<Path> guides() {
        List<Path> out = new ArrayList<>();
        GUIDES.forEach(g -> out.add(ROOT.resolve(g)));
        try (Stream<Path> labs = Files.list(ROOT)) {
            labs.filter(d -> d.getFileName().toString().matches("lab\\d\\d-.*") && Files.isRegularFile(d.resolve("README.md")))
                    .sorted().forEach(d -> out.add(d.resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The required guides, and any other English Markdown file that has a Korean twin beside it. */
    static List<Path> pairs() {
        List<Path> out = new ArrayList<>(guides());
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.getFileName().toString().endsWith(".ko.md"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .map(f -> f.resolveSibling(f.getFileName().toString().replaceFirst("\\.ko\\.md$", ".md")))
                    .filter(en -> !out.contains(en)).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Path twin(Path english) {
        return english.resolveSibling(english.getFileName().toString().replaceFirst("\\.md$", ".ko.md"));
    }

    static List<Path> bundles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_ko.properties"))
                    .filter(f -> ROOT.relativize(f).toString().replace('\\', '/').contains("src/main/resources/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path p) {
        return ROOT.relativize(p).toString().replace('\\', '/');
    }

    @Test
    @DisplayName("every guide has a Korean twin with the same sections, code blocks, commands, paths and numbers")
    void guidesAgree() {
        List<String> problems = new ArrayList<>();
        for (Path en : pairs()) {
            Path ko = twin(en);
            if (!Files.isRegularFile(en)) {
                problems.add(name(ko) + " has no English twin " + name(en));
                continue;
            }
            if (!Files.isRegularFile(ko)) {
                problems.add(name(en) + " has no Korean twin " + name(ko));
                continue;
            }
            problems.addAll(GuidePair.compare(name(en), GuidePair.read(en), name(ko), GuidePair.read(ko)));
        }
        assertTrue(problems.isEmpty(), () -> "the guides in the two languages differ:\n" + String.join("\n", problems));
    }

    @Test
    @DisplayName("every Korean message bundle has the keys and placeholders of its English one")
    void bundlesAgree() {
        assertTrue(bundles().stream().anyMatch(b -> name(b).equals("grading/src/main/resources/socketlabs/grading/messages_ko.properties")),
                "the grading output's Korean words: " + bundles());
        List<String> problems = new ArrayList<>();
        for (Path ko : bundles()) {
            Path en = ko.resolveSibling(ko.getFileName().toString().replace("_ko.properties", ".properties"));
            if (!Files.isRegularFile(en)) {
                problems.add(name(ko) + " has no English bundle " + name(en));
                continue;
            }
            problems.addAll(GuidePair.compareBundles(name(en), GuidePair.read(en), name(ko), GuidePair.read(ko)));
        }
        assertTrue(problems.isEmpty(), () -> "the messages in the two languages differ:\n" + String.join("\n", problems));
    }

    // The checker itself, on doctored copies of a real pair: each change in one language only is named.

    private static final String EN = "lab02-tcp/README.md";
    private static final String KO = "lab02-tcp/README.ko.md";

    private static String lab02(String suffix) {
        return GuidePair.read(ROOT.resolve("lab02-tcp/README" + suffix));
    }

    @Test
    @DisplayName("a command changed in one language only is named, with both versions")
    void changedCommandFails() {
        String en = lab02(".md");
        String ko = lab02(".ko.md");
        String command = "./mvnw test -pl lab02-tcp -am";
        assertTrue(ko.contains(command + "\n"), "the Korean guide gives the test command");
        String doctored = ko.replaceFirst(java.util.regex.Pattern.quote(command + "\n"), "./mvnw test -pl lab02-tcp\n");
        assertEquals(List.of(), GuidePair.compare(EN, en, KO, ko), "the real pair agrees");
        List<String> problems = GuidePair.compare(EN, en, KO, doctored);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("English `" + command + "`, Korean `./mvnw test -pl lab02-tcp`"), problems.get(0));
    }

    @Test
    @DisplayName("an inline path, a number, a section or a language link changed in one language only is named")
    void otherDriftFails() {
        String en = lab02(".md");
        String ko = lab02(".ko.md");
        List<String> path = GuidePair.compare(EN, en, KO, ko.replace("`lab02-tcp/target/grading/results.json`",
                "`lab02-tcp/target/results.json`"));
        assertTrue(path.toString().contains("only in English [lab02-tcp/target/grading/results.json], only in Korean"
                + " [lab02-tcp/target/results.json]"), path.toString());
        List<String> number = GuidePair.compare(EN, en.replace("(27 points)", "(28 points)"), KO, ko);
        assertTrue(number.toString().contains("numbers differ: only in English [28]"), number.toString());
        List<String> section = GuidePair.compare(EN, en.replace("\n## Benchmark\n", "\n### Benchmark\n"), KO, ko);
        assertTrue(section.toString().contains("sections differ at heading") && section.toString().contains("### Benchmark"),
                section.toString());
        List<String> row = GuidePair.compare(EN, en.replace("| `Delivery.WHOLE` |", "| `Delivery.HALF` | x | y |\n| `Delivery.WHOLE` |"),
                KO, ko);
        assertTrue(row.toString().contains("table rows in English"), row.toString());
        List<String> link = GuidePair.compare(EN, en, KO, ko.replace("(README.md)", "(README.txt)"));
        assertTrue(link.toString().contains("no link back to README.md"), link.toString());
    }

    @Test
    @DisplayName("a Korean-only section is left out of the comparison, and a Korean message with other placeholders is named")
    void koreanOnlySectionsAndBundles() {
        String en = "# T\n[한국어](t.ko.md)\n\n## Run\n```\n./mvnw test\n```\n";
        String ko = "# T\n[English](t.md)\n\n## 실행\n```\n./mvnw test      # 테스트 실행\n```\n\n## 실패 메시지 읽기\n"
                + GuidePair.KO_ONLY + "\n```\njava -version\n```\n42 `tools/grade`\n### 예\n7\n";
        assertEquals(List.of(), GuidePair.compare("t.md", en, "t.ko.md", ko));
        List<String> bundle = GuidePair.compareBundles("m.properties", "a=Total {0}/{1}\nb=passed\n",
                "m_ko.properties", "a=\ud569\uacc4 {0}\nc=\ud1b5\uacfc\n");
        assertEquals(3, bundle.size(), bundle.toString());
        assertTrue(bundle.get(0).contains("keys missing in Korean: [b]"), bundle.toString());
        assertTrue(bundle.get(1).contains("keys only in Korean: [c]"), bundle.toString());
        assertTrue(bundle.get(2).contains("key a: placeholders [{0}, {1}] in English, [{0}] in Korean"), bundle.toString());
        List<String> quote = GuidePair.compareBundles("m.properties", "a=the lab's {0}\n", "m_ko.properties", "a=\uc2e4\uc2b5 {0}\n");
        assertTrue(quote.toString().contains("key a: the English text has a single apostrophe"), quote.toString());
    }
}
