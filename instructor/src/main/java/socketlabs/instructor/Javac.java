package socketlabs.instructor;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The JDK's compiler, run in the grader's own process (compiling runs no code of the submission),
 * with its errors as a student reads them: paths relative to the lab, the line and a caret.
 */
final class Javac {
    private Javac() {
    }

    /** Compiles; null when it worked, otherwise the compiler's errors with paths relative to the lab. */
    static String compile(String release, List<Path> sources, List<Path> classpath, Path out, Path work, Path labDir) {
        Fs.mkdirs(out);
        if (sources.isEmpty()) {
            return null;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the grader needs a JDK (javac), not only a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", release, "-encoding", "UTF-8", "-proc:none", "-g", "-nowarn",
                    "-implicit:none", "-Xmaxerrs", "50", "-d", out.toString(), "-cp",
                    classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            StringWriter javacOut = new StringWriter();
            boolean ok = javac.getTask(javacOut, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return null;
            }
            StringBuilder msg = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String where = d.getSource() == null ? "" : shortPath(Path.of(d.getSource().toUri()), work, labDir)
                        + ":" + d.getLineNumber() + ": ";
                msg.append(where).append("error: ").append(d.getMessage(Locale.ROOT)).append('\n');
                msg.append(sourceLine(d));
            }
            return msg.length() == 0 ? javacOut.toString() : msg.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line the error is on, and a caret under its column, as javac prints them. */
    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() < 1) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(d.getSource().toUri()), StandardCharsets.UTF_8);
            String line = lines.get((int) d.getLineNumber() - 1);
            long column = Math.max(1, d.getColumnNumber());
            return "    " + line + "\n    " + " ".repeat((int) Math.min(column - 1, line.length())) + "^\n";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** src/main/java/socketlabs/lab01/Ports.java rather than a path in the grader's work folder. */
    private static String shortPath(Path file, Path work, Path labDir) {
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(work.resolve("src"))) {
            return "src/main/java/" + Fs.rel(work.resolve("src"), f);
        }
        if (f.startsWith(labDir)) {
            return Fs.rel(labDir, f);
        }
        return f.getFileName().toString();
    }
}
