package socketlabs.lab02;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Task 5: an HTTP/1.1 file server. It serves the files under one directory (the root) to web
 * browsers, {@code curl} and any HTTP client, one request per connection, each connection in a
 * thread of its own.
 *
 * <p>A request is lines of text ending in {@code "\r\n"}: a request line, header lines, an empty
 * line (read them with {@link LineCodec#readLine}: a {@link FrameTooLongException} tells a line too long):
 * <pre>
 * GET /index.html HTTP/1.1        request line: method, request target, version, one space apart
 * Host: 127.0.0.1:8080            header lines: "Name: value"
 * (empty line)                    end of the headers
 * </pre>
 * The response: a status line, headers, an empty line, then the body. The status line always
 * starts {@code HTTP/1.1}, whatever version the request named (a server answers with the highest
 * version it speaks). Every response, errors included, carries {@code Content-Type},
 * {@code Content-Length} and {@code Connection: close}; after it the server closes the connection.
 * <pre>
 * HTTP/1.1 200 OK
 * Content-Type: text/html; charset=utf-8    from {@link ContentTypes#of}
 * Content-Length: 1234                      the body's size in bytes
 * Connection: close
 * (empty line)
 * ...the file's bytes...
 * </pre>
 *
 * <p>What to answer, checked in this order (the first that applies is the answer; the request's
 * lines are checked as they arrive, so a header line with no {@code ':'} before the header bytes
 * pass their limit is a 400, and headers that pass their limit before any line without
 * {@code ':'} are a 431; every method, {@code GET} or not, has its request line and headers read
 * and checked before the 405):
 * <ol>
 *   <li>{@code 408 Request Timeout}: the request line and headers have not all arrived within the
 *       request time-out ({@link #REQUEST_TIMEOUT_MILLIS} unless the constructor names another),
 *       counted from the accept: one deadline for the whole request, not a time-out per read, so
 *       a client that sends a byte now and then (a "slowloris") cannot hold a thread for long.
 *   <li>{@code 414 URI Too Long}: the request line has more than {@link #MAX_REQUEST_LINE} bytes.
 *       Stop reading as soon as the limit is passed: a client must not make the server read (or
 *       hold in memory) more than that.
 *   <li>{@code 400 Bad Request}: the request line is not three parts one space apart, the version
 *       is not {@code HTTP/1.0} or {@code HTTP/1.1}, the target does not start with {@code /}, a
 *       header line has no {@code ':'} or no name before it, or the stream ends before the empty line.
 *   <li>{@code 431 Request Header Fields Too Large}: the header lines together have more than
 *       {@link #MAX_HEADER_BYTES} bytes (their line endings not counted); stop reading there too:
 *       as with lines, a {@code '\r'} is counted when the byte after it shows that it is not part
 *       of a line ending.
 *   <li>{@code 405 Method Not Allowed}, with the header {@code Allow: GET, HEAD}: the method is
 *       neither {@code GET} nor {@code HEAD}.
 *   <li>{@code 404 Not Found}: the path is outside the root, or names no readable regular file.
 *       The path is the target up to any {@code '?'}, percent-decoded as UTF-8 ({@code %20} is a
 *       space, while a {@code +} stays a {@code +}: {@code URLDecoder} is for HTML forms, not paths; a
 *       malformed {@code %} escape, one not followed by two hex digits, is a 400). Refuse every path that leaves the root:
 *       {@code /../secret}, {@code /%2e%2e/secret}, {@code /a/../../secret}, and absolute paths
 *       ({@code root.resolve("/etc/passwd")} is {@code /etc/passwd}!). The answer reveals nothing:
 *       the same 404 as a missing file, never a path or an exception's message. A path that names
 *       a directory serves its {@code index.html}, if there is one. A symbolic link under the root
 *       may lead anywhere ({@code ln -s /etc www/etc}): serve a file only if its real path, every
 *       link followed ({@code file.toRealPath()}), is under the root's real path
 *       ({@code root.toRealPath()}); a link that leads out is the same 404.
 *   <li>{@code 200 OK}: the file, streamed (not read whole into memory).
 * </ol>
 * The body of every error response is its status line's code and reason, e.g. {@code "404 Not Found\n"},
 * as {@code text/plain; charset=utf-8}. A response to {@code HEAD}, whatever its status, has the
 * status line and headers that {@code GET} would get (its {@code Content-Length} that of the body
 * {@code GET} would get) and no body. A client that connects and closes without sending a byte
 * gets no response.
 */
public final class FileServer implements Closeable {
    /** The port that {@link #main} listens on when given none. */
    public static final int DEFAULT_PORT = 8080;
    /** The longest request line accepted, in bytes, {@code "\r\n"} not counted. */
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    /** The most bytes the header lines may have together, their line endings not counted. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** How long a client has to send its whole request line and headers, from the accept, in milliseconds. */
    public static final int REQUEST_TIMEOUT_MILLIS = 10_000;

    private final Path root;
    private final InetAddress address;
    private final int requestedPort;
    private final Duration requestTimeout;

    /** A file server for {@code root} on the loopback address (127.0.0.1); {@link #start()} binds it. */
    public FileServer(Path root, int port) {
        this(root, InetAddress.getLoopbackAddress(), port);
    }

    /**
     * A file server for {@code root} on the given local address and port; {@link #start()} binds it.
     *
     * @param root the directory whose files are served; nothing outside it ever is
     * @param address the local address to listen on
     * @param port the port, 0-65535; 0 lets the system choose a free one
     */
    public FileServer(Path root, InetAddress address, int port) {
        this(root, address, port, Duration.ofMillis(REQUEST_TIMEOUT_MILLIS));
    }

    /**
     * A file server as above, with its own request time-out (the tests use a short one).
     *
     * @param root the directory whose files are served; nothing outside it ever is
     * @param address the local address to listen on
     * @param port the port, 0-65535; 0 lets the system choose a free one
     * @param requestTimeout how long a client has to send its whole request line and headers,
     *     counted from the accept; then it gets a 408
     */
    public FileServer(Path root, InetAddress address, int port, Duration requestTimeout) {
        this.root = root;
        this.address = address;
        this.requestedPort = port;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Binds the listening socket, starts the accept thread, and returns at once. Each connection
     * is handled in a thread of its own: one request, one response, then the server closes the
     * connection. The whole request must arrive within the request time-out (see the 408 above):
     * before each read, set the socket's read time-out ({@code setSoTimeout}) to the time left.
     * The threads are not daemon threads ({@code Thread.setDaemon(false)}, as in task 1), so that
     * {@link #main} keeps serving after it returns.
     *
     * @throws IOException if the address and port cannot be bound
     * @throws IllegalStateException if the server was started already
     */
    public void start() throws IOException {
        // TODO lab02 task 5: as in task 3; each connection: read the request, answer by the list above, close
        throw new UnsupportedOperationException("lab02 task 5: FileServer.start is not written yet");
    }

    /**
     * The port the server listens on.
     *
     * @return the bound port, 1-65535
     * @throws IllegalStateException if the server has not been started
     */
    public int port() {
        // TODO lab02 task 5: ask the listening socket
        throw new UnsupportedOperationException("lab02 task 5: FileServer.port is not written yet");
    }

    /**
     * The local address and port the server listens on; by default a loopback address, so that
     * only programs on this machine can reach it.
     *
     * @return the listening socket's local address, e.g. {@code 127.0.0.1:8080}
     * @throws IllegalStateException if the server has not been started
     */
    public InetSocketAddress address() {
        // TODO lab02 task 5: ask the listening socket (getLocalSocketAddress)
        throw new UnsupportedOperationException("lab02 task 5: FileServer.address is not written yet");
    }

    /**
     * Maps a request's path (already percent-decoded) to the file it names under {@code root}, or
     * to nothing if it leaves the root.
     *
     * <pre>{@code
     * resolve(Path.of("/srv/www"), "/docs/a.txt")   // Optional[/srv/www/docs/a.txt]
     * resolve(Path.of("/srv/www"), "/../secret")    // Optional.empty
     * resolve(Path.of("/srv/www"), "//etc/passwd")  // Optional[/srv/www/etc/passwd]: still under the root
     * }</pre>
     *
     * @param root the served directory
     * @param decodedPath the path, starting with {@code /}, percent-decoded
     * @return the file's path under {@code root}, whether or not it exists; empty if the path
     *     leaves the root or holds a NUL character
     */
    public static java.util.Optional<Path> resolve(Path root, String decodedPath) {
        // TODO lab02 task 5: strip the leading '/'s, resolve, normalize, then check startsWith(root)
        throw new UnsupportedOperationException("lab02 task 5: FileServer.resolve is not written yet");
    }

    /**
     * Stops the server: closes the listening socket and every open connection, and waits for the
     * server's threads to end, at most 5 seconds in all (a thread still writing a large file to a
     * slow client ends when its socket is closed): when it returns, they have ended. Closing
     * twice, or closing a server that never started, does nothing. If the calling thread is
     * interrupted (before or while it waits), close() still closes the sockets, stops waiting,
     * and returns with the thread's interrupt status set: it never swallows an
     * {@code InterruptedException}.
     */
    @Override
    public void close() throws IOException {
        // TODO lab02 task 5: as in task 3
        throw new UnsupportedOperationException("lab02 task 5: FileServer.close is not written yet");
    }

    /** Serves a directory (default: the current one) on 127.0.0.1 and a port (default 8080): {@code FileServer [DIR [PORT]]}. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PORT;
        FileServer server = new FileServer(root, port);
        server.start();
        System.out.println("serving " + root + " at http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops it)");
    }
}
