package socketlabs.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;

/** Hidden: traversal spellings beyond the visible list, and a directory with no index. */
@Hidden
@DisplayName("Task 5 · HTTP/1.1 file server")
@ExtendWith(TestThreads.class)
class HiddenFileServerTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/sub/..%2F..%2Fsecret.txt",
        "/%2e%2E/secret.txt?x=1",
        "//..//secret.txt",
        "/sub/.%2e/.%2E/secret.txt",
        "/secret.txt%00.html",
    })
    @Points(2)
    @DisplayName("other spellings of a path out of the root are refused too")
    void moreTraversals(String path) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(dir.resolve("secret.txt"), "TOP SECRET", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("secret.txt.html"), "decoy", StandardCharsets.UTF_8);
        try (FileServer server = new FileServer(root, 0)) {
            server.start();
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            RawHttp.Response r = RawHttp.send(server.port(), request);
            String done = "sent " + RawHttp.quote(request) + " and got " + r.shown();
            assertTrue(!r.raw.contains("TOP SECRET"), done + ": the response gave away a file outside the root");
            assertTrue(r.status == 404 || r.status == 403 || r.status == 400, done + ": expected 404");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/sub/", "/sub"})
    @Points(1)
    @DisplayName("a directory without index.html is 404, never a listing")
    void directoryWithoutIndex(String path) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub").resolve("private-name.txt"), "x", StandardCharsets.UTF_8);
        try (FileServer server = new FileServer(root, 0)) {
            server.start();
            RawHttp.Response r = RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertEquals(404, r.status, "GET " + path + " names a directory with no index.html: expected 404, got " + r.shown());
            assertTrue(!r.raw.contains("private-name"), "GET " + path + ": the response lists the directory");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/%30.txt|200", "/tab%09.txt|200", "/hello.tx%74|200", "/%C3%A9t%C3%A9.txt|200",
        "/hello.txt%4|400", "/hello.txt%|400", "/hello.txt%g0|400"})
    @Points(1)
    @DisplayName("percent escapes at the edges: 0 digits, the last bytes of the path, UTF-8, cut short")
    void escapesAtTheEdges(String spec) throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("0.txt"), "zero", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("tab\t.txt"), "tab", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("hello.txt"), "hello", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("\u00e9t\u00e9.txt"), "summer", StandardCharsets.UTF_8);
        String path = spec.substring(0, spec.indexOf('|'));
        int expected = Integer.parseInt(spec.substring(spec.indexOf('|') + 1));
        try (FileServer server = new FileServer(root, 0)) {
            server.start();
            RawHttp.Response r = RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\n\r\n");
            assertEquals(expected, r.status, "GET " + path + " (the root holds 0.txt, \"tab\\t.txt\", hello.txt and"
                    + " \u00e9t\u00e9.txt): expected " + expected + ", got " + r.shown() + ". A % is followed by two hex"
                    + " digits (0-9, a-f, A-F), anywhere in the path, the last bytes included; the decoded bytes are"
                    + " UTF-8; a % with fewer than two hex digits after it is a 400.");
        }
    }
}
