package socketlabs.instructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import socketlabs.grading.Labs;

/**
 * Takes a lab's sources from a submission: only the {@code .java} files of its {@code src/main/java}
 * in the lab's own package, never a symbolic link, a provided file (the course's own copy is used)
 * or an oversized file. Each file left out gets a note; the classes compiled from the files taken
 * are read by the {@link CodePolicy}.
 */
final class Intake {
    private static final int MAX_SOURCE_BYTES = 1 << 20;

    /** What was taken: notes for the student (files left out), flags for the instructor. */
    final List<String> notes = new ArrayList<>();
    final List<String> flags = new ArrayList<>();

    /** The lab's provided sources, as paths in the package ({@code socketlabs/lab04/RawSocket.java}): the course's, not checked. */
    static Set<String> provided(Lab lab) {
        return Fs.files(lab.pristine("src/provided/java"), ".java").stream()
                .map(p -> Fs.rel(lab.pristine("src/provided/java"), p)).collect(Collectors.toSet());
    }

    /** Copies the student's sources of {@code lab} from {@code studentJava} to {@code src}. */
    void take(Lab lab, Path studentJava, Path src) {
        Set<String> provided = provided(lab);
        String pkg = Labs.packageDir(lab.name()) + "/";
        for (Path f : Fs.files(studentJava, ".java")) {
            String rel = Fs.rel(studentJava, f);
            if (Files.isSymbolicLink(f)) {
                notes.add("ignored " + rel + ": a symbolic link");
            } else if (!rel.startsWith(pkg)) {
                notes.add("ignored " + rel + ": only files in " + pkg + " are graded");
            } else if (provided.contains(rel)) {
                notes.add("ignored " + rel + ": it is provided code, taken from the course");
            } else if (Fs.size(f) > MAX_SOURCE_BYTES) {
                notes.add("ignored " + rel + ": larger than 1 MB");
            } else {
                Fs.copy(f, src.resolve(rel));
            }
        }
    }
}
