package socketlabs.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;
import socketlabs.grading.Trace;

@DisplayName("Task 5 · HTTP/1.1 file server")
@ExtendWith({Trace.class, TestThreads.class})
class FileServerTest {
    static final String INDEX = "<!doctype html>\n<title>lab02</title>\n<h1>It works: héllo</h1>\n";
    static final String SECRET = "TOP SECRET: the root of this server is one level below me";

    @TempDir
    Path dir;
    Path root;
    byte[] data;
    FileServer server;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The served root holds index.html, hello.txt, data.bin, "with space.txt", "c++.txt", sub/page.html; secret.txt lies outside it. */
    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectory(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), INDEX, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("hello.txt"), "hello, world\n");
        Files.writeString(root.resolve("with space.txt"), "spaced out\n");
        Files.writeString(root.resolve("c++.txt"), "plus plus\n");
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("sub").resolve("page.html"), "<p>sub page</p>\n");
        data = new byte[100_000];
        new Random(5).nextBytes(data);
        System.arraycopy(EchoTest.allByteValues(), 0, data, 0, 512);
        Files.write(root.resolve("data.bin"), data);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    int start() throws IOException {
        server = new FileServer(root, 0);
        server.start();
        return server.port();
    }

    HttpResponse<byte[]> get(int port, String path) throws IOException, InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("HttpClient sent GET " + path + " and no complete response came within 5 s. Likely"
                    + " cause: the server still waits for the rest of the request (it reads past the empty line, or"
                    + " its line reader lost lines), or it answered without closing the connection." + RawHttp.lineCodecNote(), e);
        }
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("(missing)");
    }

    @Test
    @Points(3)
    @DisplayName("GET serves a file: 200, its bytes, Content-Type and Content-Length")
    void getServesFile() throws Exception {
        int port = start();
        HttpResponse<byte[]> r = get(port, "/index.html");
        byte[] expected = INDEX.getBytes(StandardCharsets.UTF_8);
        String done = "HttpClient sent GET /index.html (a " + expected.length + "-byte UTF-8 file)";
        assertEquals(200, r.statusCode(), done + ": expected status 200");
        assertEquals("text/html; charset=utf-8", header(r, "Content-Type"), done + ": Content-Type comes from"
                + " ContentTypes.of(file name)");
        assertEquals(String.valueOf(expected.length), header(r, "Content-Length"), done + ": Content-Length is the"
                + " size in bytes (Files.size), not the length of a String (héllo has 5 characters and 6 bytes)");
        String difference = Hex.difference(expected, r.body());
        if (difference != null) {
            fail(done + "; the body is not the file's bytes: " + difference + ". Likely cause: the file read as text"
                    + " and written back in another encoding; send the file's bytes as they are (Files.copy).");
        }
    }

    @Test
    @Points(2)
    @DisplayName("GET serves a binary file intact, as application/octet-stream")
    void getServesBinaryFile() throws Exception {
        int port = start();
        HttpResponse<byte[]> r = get(port, "/data.bin");
        String done = "HttpClient sent GET /data.bin (100,000 bytes, all 256 values among them)";
        assertEquals(200, r.statusCode(), done + ": expected status 200");
        assertEquals("application/octet-stream", header(r, "Content-Type"), done);
        String difference = Hex.difference(data, r.body());
        if (difference != null) {
            fail(done + "; the body is not the file: " + difference + ". Likely cause: the file read as text"
                    + " (readString, a Reader) or written with a Writer; send bytes: Files.copy(file, out).");
        }
    }

    @Test
    @Points(2)
    @DisplayName("HEAD sends the status and headers of GET, and no body")
    void headSendsNoBody() throws IOException {
        int port = start();
        String request = "HEAD /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(200, new byte[0], "Content-Length", "13",
                "Content-Type", "text/plain; charset=utf-8"));
        String done = "sent " + RawHttp.quote(request) + " and got " + r.shown();
        assertEquals(200, r.status, done + ": expected status 200");
        assertEquals("13", r.header("Content-Length"), done + ": Content-Length is the size GET would send (13 bytes)");
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"), done);
        assertEquals(0, r.body.length, done + ": a response to HEAD has no body; the server sent " + r.body.length
                + " bytes after the headers");
    }

    @Test
    @Points(1)
    @DisplayName("GET of a missing file is 404")
    void missingFileIs404() throws Exception {
        int port = start();
        HttpResponse<byte[]> r = get(port, "/nothing-here.txt");
        assertEquals(404, r.statusCode(), "HttpClient sent GET /nothing-here.txt, which does not exist: expected 404");
    }

    @Test
    @Points(1)
    @DisplayName("GET / serves index.html; the query is cut off, %20 in a path is a space, + stays a +")
    void indexAndDecoding() throws Exception {
        int port = start();
        HttpResponse<byte[]> index = get(port, "/");
        assertEquals(200, index.statusCode(), "GET /: the root is a directory, so its index.html is served");
        assertEquals(INDEX, new String(index.body(), StandardCharsets.UTF_8), "GET /: expected the body of index.html");
        HttpResponse<byte[]> spaced = get(port, "/with%20space.txt");
        assertEquals(200, spaced.statusCode(), "GET /with%20space.txt: the file \"with space.txt\" exists; decode %20"
                + " to a space (and keep '+' as it is: URLDecoder is for forms, not paths)");
        HttpResponse<byte[]> plus = get(port, "/c++.txt");
        assertEquals(200, plus.statusCode(), "GET /c++.txt: the file \"c++.txt\" exists; in a path '+' is a plus, not a"
                + " space. Likely cause: URLDecoder, which decodes HTML forms and turns '+' into a space; decode only %XX.");
        assertEquals("plus plus\n", new String(plus.body(), StandardCharsets.UTF_8), "GET /c++.txt: the body of c++.txt");
        HttpResponse<byte[]> query = get(port, "/hello.txt?v=2&q=a%20b");
        assertEquals(200, query.statusCode(), "GET /hello.txt?v=2&q=a%20b: the path is the target up to the '?', so this"
                + " is hello.txt; the query is not part of the file name");
        assertEquals("hello, world\n", new String(query.body(), StandardCharsets.UTF_8),
                "GET /hello.txt?v=2&q=a%20b: the body of hello.txt");
    }

    @Test
    @Points(1)
    @DisplayName("other methods are 405 with an Allow header, and change nothing")
    void otherMethodsAre405() throws IOException {
        int port = start();
        String request = "DELETE /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(405));
        String done = "sent " + RawHttp.quote(request) + " and got " + r.shown();
        assertEquals(405, r.status, done + ": expected 405 Method Not Allowed");
        assertTrue(String.valueOf(r.header("Allow")).contains("GET"), done + ": a 405 must say what is allowed:"
                + " Allow: GET, HEAD");
        assertTrue(Files.exists(root.resolve("hello.txt")), done + ": and the file must still be there");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "GARBAGE\r\n\r\n",
        "GET /hello.txt\r\n\r\n",
        "GET /hello.txt HTTP/1.1 extra\r\n\r\n",
        "GET  /hello.txt HTTP/1.1\r\n\r\n",
        "GET hello.txt HTTP/1.1\r\n\r\n",
        "GET /hello.txt HTTP/9.9\r\n\r\n",
        "GET /hello.txt HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
        "GET /%zz.txt HTTP/1.1\r\n\r\n",
    })
    @Points(2)
    @DisplayName("a malformed request line or header is 400")
    void malformedIs400(String request) throws IOException {
        int port = start();
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(400));
        assertEquals(400, r.status, "sent " + RawHttp.quote(request) + "; expected 400 Bad Request, got " + r.shown()
                + ". The request line is METHOD, one space, a target starting with /, one space, HTTP/1.0 or HTTP/1.1;"
                + " a header line needs a ':'; a % must be followed by two hex digits.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/sub/../../secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/..",
        "ABSOLUTE",
    })
    @Points(3)
    @DisplayName("a path that leaves the served directory is refused and reveals nothing")
    void traversalIsRefused(String path) throws IOException {
        int port = start();
        String target = path.equals("ABSOLUTE") ? dir.resolve("secret.txt").toAbsolutePath().toString() : path;
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(java.util.List.of(404, 403, 400)));
        String done = "the server's root is " + root + " and secret.txt lies one level above it; sent "
                + RawHttp.quote(request) + " and got " + r.shown();
        assertTrue(!r.raw.contains("TOP SECRET"), done + ": the response gave away the secret file. Likely cause:"
                + (path.equals("ABSOLUTE") ? " root.resolve(\"/an/absolute/path\") returns the absolute path itself;"
                + " strip the leading '/' first." : " \"..\" not checked after decoding; normalize() the resolved path"
                + " and check that it still startsWith(root)."));
        assertTrue(r.status == 404 || r.status == 403 || r.status == 400, done + ": expected 404 (403 and 400 are"
                + " accepted too)");
        assertTrue(!r.raw.contains(dir.toString()), done + ": the response shows a path of the server's disk; an"
                + " error response says only its status");
    }

    @Test
    @Points(2)
    @DisplayName("an oversized request line is refused with 414, without reading it all")
    void oversizedRequestLine() throws IOException {
        int port = start();
        try (Socket socket = RawHttp.connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + "a".repeat(40 * 1024)).getBytes(StandardCharsets.US_ASCII)); // no end of line, ever
            out.flush();
            RawHttp.Response r = RawHttp.readResponse(socket, "sent \"GET /aaaa...\" with 40 KiB of 'a' and no end of"
                    + " line (the limit is " + FileServer.MAX_REQUEST_LINE + " bytes)")
                    .sent(("GET /" + "a".repeat(40 * 1024)).getBytes(StandardCharsets.US_ASCII)).attach(RawHttp.expected(414));
            assertEquals(414, r.status, "sent a 40 KiB request line, over the limit of " + FileServer.MAX_REQUEST_LINE
                    + " bytes; expected 414 URI Too Long, got " + r.shown());
        }
    }

    @Test
    @Points(1)
    @DisplayName("oversized headers are refused with 431, without reading them all")
    void oversizedHeaders() throws IOException {
        int port = start();
        try (Socket socket = RawHttp.connect(port)) {
            StringBuilder request = new StringBuilder("GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (int i = 0; i < 40; i++) {
                request.append("X-Filler-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII)); // no empty line, ever
            socket.getOutputStream().flush();
            RawHttp.Response r = RawHttp.readResponse(socket, "sent a request line and 40 headers of 1 KB each (the"
                    + " limit is " + FileServer.MAX_HEADER_BYTES + " bytes) and no empty line")
                    .sent(request.toString().getBytes(StandardCharsets.US_ASCII)).attach(RawHttp.expected(431));
            assertEquals(431, r.status, "sent 40 KB of headers, over the limit of " + FileServer.MAX_HEADER_BYTES
                    + " bytes; expected 431 Request Header Fields Too Large, got " + r.shown());
        }
    }

    @Test
    @Points(1)
    @DisplayName("binds to the loopback address by default")
    void bindsLoopback() throws IOException {
        int port = start();
        InetSocketAddress address = server.address();
        assertTrue(address.getAddress().isLoopbackAddress(), "new FileServer(root, 0) listens on " + address
                + "; expected a loopback address (127.0.0.1), so that no other machine can read the files");
        assertEquals(port, address.getPort(), "address().getPort() and port() must agree");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/outside/secret.txt", "/secret-link.txt", "/linked-index/"})
    @Points(2)
    @DisplayName("a symbolic link that leads out of the served directory is refused")
    void symbolicLinkOutIsRefused(String path) throws IOException {
        Path outside = Files.createDirectory(dir.resolve("outside-www"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("index.html"), SECRET);
        Files.createDirectory(root.resolve("linked-index"));
        try {
            Files.createSymbolicLink(root.resolve("outside"), outside); // www/outside -> a directory out of the root
            Files.createSymbolicLink(root.resolve("secret-link.txt"), dir.resolve("secret.txt")); // a link to a file
            Files.createSymbolicLink(root.resolve("linked-index").resolve("index.html"), outside.resolve("index.html"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system cannot make symbolic links: " + e);
        }
        int port = start();
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(404));
        String done = "the server's root " + root + " holds symbolic links out of it (outside -> " + outside
                + ", secret-link.txt -> " + dir.resolve("secret.txt") + ", linked-index/index.html -> a file out of the"
                + " root); sent " + RawHttp.quote(request) + " and got " + r.shown();
        assertTrue(!r.raw.contains("TOP SECRET"), done + ": the response gave away a file outside the root. Likely"
                + " cause: the path checked as text (normalize, startsWith) but the file opened through the link;"
                + " compare file.toRealPath(), every link followed, with root.toRealPath() before serving.");
        assertEquals(404, r.status, done + ": expected the same 404 as any other path out of the root");
    }

    @Test
    @Points(1)
    @DisplayName("resolve() gives the answers of its Javadoc examples")
    void resolveExamples() {
        Path www = Path.of("/srv/www");
        assertEquals(java.util.Optional.of(Path.of("/srv/www/docs/a.txt")), FileServer.resolve(www, "/docs/a.txt"),
                "resolve(/srv/www, \"/docs/a.txt\")");
        assertEquals(java.util.Optional.empty(), FileServer.resolve(www, "/../secret"), "resolve(/srv/www, \"/../secret\")"
                + " leaves the root: expected Optional.empty()");
        assertEquals(java.util.Optional.of(Path.of("/srv/www/etc/passwd")), FileServer.resolve(www, "//etc/passwd"),
                "resolve(/srv/www, \"//etc/passwd\"): every leading '/' is stripped, so this is still under the root."
                        + " Likely cause: only the first '/' removed, and root.resolve(\"/etc/passwd\") is /etc/passwd");
        assertEquals(java.util.Optional.of(Path.of("/srv/www/b.txt")), FileServer.resolve(www, "/a/../b.txt"),
                "resolve(/srv/www, \"/a/../b.txt\"): normalized, the path stays under the root");
        assertEquals(java.util.Optional.empty(), FileServer.resolve(www, "/a.txt\0.html"), "resolve(/srv/www,"
                + " \"/a.txt\\0.html\") holds a NUL character: expected Optional.empty()");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "DELETE /hello.txt HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n|400",
        "DELETE /%zz.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n|405",
        "PUT /nothing-here.txt HTTP/1.1\r\n\r\n|405",
        "GET /LONG HTTP/9.9\r\n\r\n|414",
        "GET /hello.txt HTTP/1.1\r\nno colon here\r\nX-Big: FILLER\r\n\r\n|400",
        "GET /hello.txt HTTP/1.1\r\nX-Big: FILLER\r\nno colon here\r\n\r\n|431",
        "POST /hello.txt HTTP/1.1\r\nX-Big: FILLER\r\n\r\n|431",
        "GET /hello.txt HTTP/1.1\r\n: no name\r\n\r\n|400",
    })
    @Points(2)
    @DisplayName("the checks come in the order of the Javadoc: the first that applies is the answer")
    void checksInOrder(String spec) throws IOException {
        int port = start();
        String request = spec.substring(0, spec.lastIndexOf('|'))
                .replace("LONG", "a".repeat(FileServer.MAX_REQUEST_LINE))
                .replace("FILLER", "f".repeat(FileServer.MAX_HEADER_BYTES));
        int expected = Integer.parseInt(spec.substring(spec.lastIndexOf('|') + 1));
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(expected));
        assertEquals(expected, r.status, "sent " + RawHttp.quote(request) + "; expected " + expected + ", got "
                + r.shown() + ". The answers are checked in this order: 414 (request line too long), 400 (malformed"
                + " request line or header line), 431 (headers too long), 405 (method), 404, 200; the request line and"
                + " every header line are read and checked, as they arrive, before the method or the path is looked at.");
    }

    @Test
    @Points(1)
    @DisplayName("every error response carries its status as text/plain, Content-Length and Connection: close")
    void errorResponsesAreComplete() throws IOException {
        int port = start();
        String[][] cases = {
            {"GET /nothing-here.txt HTTP/1.1\r\n\r\n", "404 Not Found"},
            {"GET hello.txt HTTP/1.1\r\n\r\n", "400 Bad Request"},
            {"DELETE /hello.txt HTTP/1.1\r\n\r\n", "405 Method Not Allowed"},
        };
        for (String[] c : cases) {
            RawHttp.Response r = RawHttp.send(port, c[0]).attach(RawHttp.expected(Integer.parseInt(c[1].substring(0, 3)),
                    (c[1] + "\n").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain; charset=utf-8", "Content-Length",
                    String.valueOf(c[1].length() + 1), "Connection", "close"));
            String done = "sent " + RawHttp.quote(c[0]) + " and got " + r.shown();
            assertTrue(r.head.startsWith("HTTP/1.1 " + c[1] + "\r\n") || r.head.equals("HTTP/1.1 " + c[1]), done
                    + ": expected the status line \"HTTP/1.1 " + c[1] + "\"");
            assertEquals(c[1] + "\n", r.bodyText(), done + ": the body of an error is its code and reason and \\n");
            assertEquals("text/plain; charset=utf-8", r.header("Content-Type"), done);
            assertEquals(String.valueOf(c[1].length() + 1), r.header("Content-Length"), done + ": Content-Length is the"
                    + " body's size in bytes");
            assertEquals("close", r.header("Connection"), done + ": every response says Connection: close");
        }
    }

    @Test
    @Points(1)
    @DisplayName("HEAD of a missing file: the 404 status and headers, and no body")
    void headOfErrorHasNoBody() throws IOException {
        int port = start();
        String request = "HEAD /nothing-here.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(404, new byte[0], "Content-Length", "14"));
        String done = "sent " + RawHttp.quote(request) + " and got " + r.shown();
        assertEquals(404, r.status, done + ": expected 404");
        assertEquals("14", r.header("Content-Length"), done + ": Content-Length is the size of the body GET would get"
                + " (\"404 Not Found\\n\", 14 bytes)");
        assertEquals(0, r.body.length, done + ": a response to HEAD has no body, errors included; the server sent "
                + r.body.length + " bytes after the headers");
    }

    @Test
    @Points(1)
    @DisplayName("an HTTP/1.0 request is answered with an HTTP/1.1 status line")
    void statusLineIsHttp11() throws IOException {
        int port = start();
        String request = "GET /hello.txt HTTP/1.0\r\n\r\n";
        RawHttp.Response r = RawHttp.send(port, request).attach(RawHttp.expected(200, "hello, world\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(r.raw.startsWith("HTTP/1.1 200 OK\r\n"), "sent " + RawHttp.quote(request) + " and got " + r.shown()
                + "; expected the status line \"HTTP/1.1 200 OK\": a server answers with the highest version it"
                + " speaks, whatever version the request named");
        assertEquals("hello, world\n", r.bodyText(), "sent " + RawHttp.quote(request) + ": the body of hello.txt");
    }

    @Test
    @Points(2)
    @Timeout(15)
    @DisplayName("a client that sends no request gets 408 when the request time-out passes")
    void silentClientGets408() throws IOException {
        Duration timeout = Duration.ofMillis(300);
        server = new FileServer(root, java.net.InetAddress.getLoopbackAddress(), 0, timeout);
        server.start();
        try (Socket socket = RawHttp.connect(server.port())) {
            long started = System.nanoTime();
            RawHttp.Response r = RawHttp.readResponse(socket, "connected to a server whose request time-out is 300 ms,"
                    + " and sent nothing").attach(RawHttp.expected(408));
            long millis = (System.nanoTime() - started) / 1_000_000;
            String done = "connected to a server whose request time-out is 300 ms, sent nothing, and got " + r.shown()
                    + " after " + millis + " ms";
            assertEquals(408, r.status, done + "; expected 408 Request Timeout. Likely cause: the time-out not set"
                    + " (setSoTimeout) or its SocketTimeoutException not answered with a 408.");
            assertTrue(millis >= 250, done + "; the 408 came before the time-out had passed");
        }
    }

    @Test
    @Points(2)
    @Timeout(20)
    @DisplayName("a client that sends its request a byte at a time (slowloris) gets 408 when the whole request is late")
    void slowlorisGets408() throws IOException {
        Duration timeout = Duration.ofMillis(600);
        server = new FileServer(root, java.net.InetAddress.getLoopbackAddress(), 0, timeout);
        server.start();
        String request = "GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "z".repeat(60) + "\r\n\r\n";
        try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
            long started = System.nanoTime();
            client.dripInBackground(request.getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response r;
            try {
                r = RawHttp.readResponse(client.socket(), "sent a " + request.length() + "-byte request one byte every "
                        + MisbehavingClient.DRIP_MILLIS + " ms, to a server whose request time-out is 600 ms")
                        .sent(request.getBytes(StandardCharsets.US_ASCII)).attach(RawHttp.expected(408));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " Here the request time-out had passed long before: it is one"
                        + " deadline for the whole request, counted from the accept; a time-out per read (setSoTimeout"
                        + " once) never fires while a byte comes every " + MisbehavingClient.DRIP_MILLIS + " ms. Before"
                        + " each read, setSoTimeout(the time left), and answer 408 when it runs out.", e);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String done = "sent a " + request.length() + "-byte request one byte every " + MisbehavingClient.DRIP_MILLIS
                    + " ms (about " + request.length() * MisbehavingClient.DRIP_MILLIS + " ms in all) to a server whose"
                    + " request time-out is 600 ms, and got " + r.shown() + " after " + millis + " ms";
            assertEquals(408, r.status, done + "; expected 408 Request Timeout once 600 ms had passed since the"
                    + " accept. Likely cause: a time-out for each read (setSoTimeout once), which a byte now and then"
                    + " resets: one deadline for the whole request, and before each read setSoTimeout(the time left).");
            assertTrue(millis < 600 + 2_500, done + "; the 408 came long after the request time-out");
        }
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("close() ends the connections being served and returns within 5 seconds")
    @SuppressWarnings("try") // close() is what is tested: called while the client is still connected
    void closeEndsConnections() throws IOException {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        int port = start();
        try (MisbehavingClient client = MisbehavingClient.connect(port)) {
            client.send("GET /hello.txt HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII), Delivery.WHOLE); // and no more
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(8), () -> server.close(),
                    "a client sent half a request and stayed connected; then FileServer.close() was called and did not"
                            + " return within 8 s. Likely cause: close() waits (join) for the connection's thread, which"
                            + " is blocked in read(): close the connections' sockets first, then wait at most 5 s.");
            EchoTest.assertServerThreadsEnded("FileServer", before, "a client sent half a request and stayed connected;"
                    + " then close() was called");
            String end = client.awaitEnd();
            assertTrue(end.equals("closed") || end.equals("reset"), "a client sent half a request and stayed connected;"
                    + " after close() its connection was " + end + ", expected it to end. Likely cause: close() closes"
                    + " only the listening socket; keep every accepted socket in a set and close them all.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("the server's threads are not daemon threads, so main keeps serving")
    void threadsAreNotDaemons() throws IOException {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        server = new FileServer(root, 0);
        EchoTest.startFromDaemon(wrap(server));
        try (Socket socket = RawHttp.connect(server.port())) { // a connection's thread, running while we look
            EchoTest.assertNoDaemonThreads("FileServer", before);
        }
    }

    @Test
    @Points(1)
    @DisplayName("port() before start() and a second start() throw IllegalStateException; close() twice does nothing")
    void serverLifecycle() throws IOException {
        EchoTest.assertLifecycle("FileServer", () -> wrap(new FileServer(root, 0)));
    }

    static EchoTest.Server wrap(FileServer s) {
        return EchoTest.Server.of(s::start, s::port, s::close);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /hello.txt HTTP/1.1", "GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1", "GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n"})
    @Points(1)
    @DisplayName("a request cut short (the client half-closes before the empty line) is 400")
    void requestCutShortIs400(String request) throws IOException {
        int port = start();
        try (Socket socket = RawHttp.connect(port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput(); // the end of the stream, before the empty line that ends the headers
            String done = "sent " + RawHttp.quote(request) + " and half-closed (shutdownOutput): the stream ended before"
                    + " the empty line";
            RawHttp.Response r = RawHttp.readResponse(socket, done).sent(request.getBytes(StandardCharsets.US_ASCII))
                    .attach(RawHttp.expected(400));
            assertEquals(400, r.status, done + "; expected 400 Bad Request, got " + r.shown() + ". Likely cause: the"
                    + " end of the stream (null, or a FramingException, from readLine) taken as the end of the headers,"
                    + " or not answered at all.");
        }
    }

    /**
     * Connects {@code n} clients that each send a request line and no more (their threads wait
     * in read()), then sends one whole request on a new connection and reads its answer: the
     * server accepts in order, so by then it has accepted the {@code n} and started their threads.
     */
    java.util.List<MisbehavingClient> halfRequests(int port, int n) throws IOException {
        java.util.List<MisbehavingClient> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                MisbehavingClient c = MisbehavingClient.connect(port);
                clients.add(c);
                c.send("GET /hello.txt HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII), Delivery.WHOLE); // and no more
            }
            String request = "GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            RawHttp.Response r = RawHttp.send(port, request);
            assertEquals(200, r.status, n + " clients had sent half a request, then another one sent "
                    + RawHttp.quote(request) + " and got " + r.shown() + ", expected 200. Likely cause: one connection"
                    + " waiting for its request holds up the others; give each connection a thread of its own.");
            return clients;
        } catch (IOException | RuntimeException | Error e) {
            ManyClientsTest.closeAll(clients);
            throw e;
        }
    }

    /**
     * A client that asks for {@code /big.bin} (larger than any socket buffers hold), reads the
     * first 12 bytes of the response ("HTTP/1.1 200") and then nothing: the server's thread for it
     * fills the socket buffers and stays blocked in write().
     */
    static Socket nonReadingClient(int port) throws IOException {
        Socket slow = new Socket();
        try {
            slow.setReceiveBufferSize(16 * 1024);
            slow.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), RawHttp.TIMEOUT_MILLIS);
            slow.setSoTimeout(RawHttp.TIMEOUT_MILLIS);
            String request = "GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            slow.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            int got = 0;
            try {
                got = slow.getInputStream().readNBytes(head, 0, head.length);
            } catch (java.net.SocketTimeoutException e) {
                // got stays short: reported below
            }
            String status = new String(head, 0, got, StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", status, "sent " + RawHttp.quote(request) + " for a 64 MiB file; expected the"
                    + " response to start \"HTTP/1.1 200\" within " + RawHttp.TIMEOUT_MILLIS + " ms. Likely cause: the"
                    + " file read whole into memory before the response (stream it with Files.copy), or GET not served"
                    + " yet (see the other tests).");
            return slow;
        } catch (IOException | RuntimeException | Error e) {
            slow.close();
            throw e;
        }
    }

    @Test
    @Points(1)
    @Timeout(30)
    @DisplayName("close() returns only when every connection's thread has ended, some of them writing a large file to"
            + " clients that do not read")
    void closeWaitsForEveryThread() throws IOException {
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(64L << 20); // 64 MiB of zeros, more than any socket buffers hold, without writing them
        }
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        server = new FileServer(root, 0);
        ThreadGroup group = EchoTest.startInGroup(wrap(server));
        int port = server.port();
        java.util.List<Socket> slow = new java.util.ArrayList<>();
        java.util.List<MisbehavingClient> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                slow.add(nonReadingClient(port));
            }
            clients.addAll(halfRequests(port, 10));
            EchoTest.assertCloseWaits("FileServer", server, before, group, "8 clients were being sent a 64 MiB file and did"
                    + " not read it, 10 more had sent half a request", "Likely cause: close() returns without join(),"
                    + " or joins only some threads: the accept thread alone, or a set of threads that lost some still"
                    + " running (remove a thread from it only once it has ended).");
        } finally {
            ManyClientsTest.closeAll(clients);
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    @Points(1)
    @Timeout(20)
    @DisplayName("close() called from an interrupted thread stops the server and keeps the interrupt")
    void closeKeepsTheInterrupt() throws IOException {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        int port = start();
        java.util.List<MisbehavingClient> clients = halfRequests(port, 2);
        try {
            String done = "2 clients had sent half a request and stayed connected";
            EchoTest.assertCloseKeepsInterrupt("FileServer", server, before, done);
            for (int i = 0; i < clients.size(); i++) {
                String end = clients.get(i).awaitEnd();
                int n = i;
                assertTrue(end.equals("closed") || end.equals("reset"), () -> done + "; then close() was called from an"
                        + " interrupted thread. Expected client " + n + "'s connection to end all the same, but it was "
                        + end + ". Likely cause: close() returns when it sees the interrupt, before closing the"
                        + " connections; close every socket first, then wait.");
            }
        } finally {
            ManyClientsTest.closeAll(clients);
        }
    }
}
