package socketlabs.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run by Maven's exec:exec during {@link Course#prepare}: writes a module's test classpath to a file. */
public final class SaveClasspath {
    private SaveClasspath() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, args.length > 1 ? args[1] : "");
    }
}
