package socketlabs.instructor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the Gradescope autograder bundle: a zip with {@code setup.sh} (installs a JDK and bakes
 * Maven, the dependencies and the course's build into the image), {@code run_autograder} (grades
 * {@code /autograder/submission} into {@code /autograder/results/results.json}) and the course:
 * grading, the labs with their hidden tests, the toolkit; never the solutions.
 *
 * <pre>
 * tools/gradescope-bundle [--out FILE.zip] [--labs lab01,lab02] [limits as for tools/grade]
 * </pre>
 */
public final class GradescopeBundle {
    private GradescopeBundle() {
    }

    public static void main(String[] args) throws Exception {
        Options.main(args, GradescopeBundle::run);
    }

    private static void run(String[] args) throws Exception {
        java.util.Set<String> known = new java.util.HashSet<>(Options.LIMIT_OPTIONS);
        known.add("out");
        Options o = new Options(args, known, Set.of());
        Course course = Course.find();
        List<String> labs = course.labs(o.get("labs", null));
        Path zip = Path.of(o.get("out", course.root.resolve("target/gradescope-autograder.zip").toString())).toAbsolutePath();
        write(course, labs, zip, limitArgs(args));
        System.out.println("Gradescope autograder bundle: " + zip + " (" + String.join(", ", labs) + ")");
        System.out.println("Upload it in Gradescope: Configure Autograder > Zip file upload; base image Ubuntu.");
    }

    /** The limit options given on the command line, passed on to each Gradescope grading run. */
    private static String limitArgs(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && !args[i].startsWith("--out") && !args[i].startsWith("--labs")) {
                out.add("'" + args[i] + "'");
                if (!args[i].contains("=") && i + 1 < args.length) {
                    out.add("'" + args[++i] + "'");
                }
            }
        }
        return String.join(" ", out);
    }

    static void write(Course course, List<String> labs, Path zip, String gradeArgs) {
        Path stage = zip.resolveSibling(zip.getFileName() + ".stage");
        Fs.deleteTree(stage);
        Path c = stage.resolve("course");
        List<String> modules = new ArrayList<>();
        modules.add("grading");
        modules.addAll(labs);
        modules.add("instructor");
        Fs.write(c.resolve("pom.xml"), Course.rewritePom(course.pom(), modules));
        for (String m : modules) {
            Fs.copyTree(course.root.resolve(m), c.resolve(m), rel -> rel.startsWith("target") || rel.startsWith("src/test"));
        }
        for (Path lab : labs.stream().map(course::lab).toList()) {
            Fs.copyTree(lab.resolve("src/test"), c.resolve(lab.getFileName().toString()).resolve("src/test"));
        }
        Fs.copyTree(course.root.resolve(".mvn"), c.resolve(".mvn"));
        Fs.copyTree(course.root.resolve("tools"), c.resolve("tools"));
        for (String f : List.of("mvnw", "mvnw.cmd")) {
            try {
                Files.copy(course.root.resolve(f), c.resolve(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Fs.write(stage.resolve("setup.sh"), Handout.resource("gradescope/setup.sh"));
        Fs.write(stage.resolve("run_autograder"), Handout.resource("gradescope/run_autograder").replace("{{ARGS}}", gradeArgs));
        zip(stage, zip);
        Fs.deleteTree(stage);
    }

    private static void zip(Path dir, Path zip) {
        try {
            Files.createDirectories(zip.getParent());
            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                for (Path f : Fs.files(dir, "")) {
                    out.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
    }
}
