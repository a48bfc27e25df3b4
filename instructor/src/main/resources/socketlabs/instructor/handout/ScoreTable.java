import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import socketlabs.grading.Json;
import socketlabs.grading.Messages;

/**
 * Prints every lab's score as a Markdown table, from LAB/target/grading/results.json, for the
 * GitHub Actions job summary: java -cp grading/target/classes .github/ScoreTable.java
 * Its words come from the grading module's messages, in the language -Dgrading.lang names.
 */
public class ScoreTable {
    public static void main(String[] args) throws Exception {
        Messages words = Messages.current();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("."))) {
            // the labs only: the grading module's own tests leave a results file too
            files = s.filter(p -> p.getFileName().toString().matches("lab\\d\\d-.*"))
                    .map(p -> p.resolve("target/grading/results.json")).filter(Files::isRegularFile).sorted()
                    .collect(Collectors.toList());
        }
        System.out.println("## " + words.get("scoretable.title") + "\n");
        if (files.isEmpty()) {
            System.out.println(words.get("scoretable.none"));
            System.exit(1);
        }
        StringBuilder details = new StringBuilder();
        long score = 0, max = 0;
        System.out.println(words.get("scoretable.labs.header") + "\n|---|---:|");
        for (Path f : files) {
            Map<?, ?> r = (Map<?, ?>) Json.parse(Files.readString(f));
            String lab = f.getParent().getParent().getParent().getFileName().toString();
            long s = ((Number) r.get("score")).longValue(), m = ((Number) r.get("max_score")).longValue();
            score += s;
            max += m;
            System.out.println("| " + lab + " | " + s + " / " + m + " |");
            details.append("\n### ").append(lab).append("\n\n").append(words.get("scoretable.tests.header")).append("\n|---|---|---:|\n");
            for (Object o : (List<?>) r.get("tests")) {
                Map<?, ?> t = (Map<?, ?>) o;
                boolean passed = "passed".equals(t.get("status"));
                details.append("| ").append(passed ? "✅" : "❌").append(" | ").append(cell(t.get("name")))
                        .append(" | ").append(t.get("score")).append(" / ").append(t.get("max_score")).append(" |\n");
            }
        }
        System.out.println("| **" + words.get("summary.total") + "** | **" + score + " / " + max + "** |");
        System.out.println(details);
        if (score < max) {
            System.exit(1); // the job stays red until every test passes
        }
    }

    private static String cell(Object text) {
        return String.valueOf(text).replace("|", "\\|").replace("\n", " ");
    }
}
