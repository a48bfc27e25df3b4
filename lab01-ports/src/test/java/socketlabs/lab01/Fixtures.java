package socketlabs.lab01;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files shipped with the tests, in src/test/resources/socketlabs/lab01. */
final class Fixtures {
    private Fixtures() {
    }

    /** The path of a fixture file, for code that reads files by path. */
    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test fixture " + name + " is missing from src/test/resources/socketlabs/lab01");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
