package socketlabs.lab02;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Task 5: an HTTP/1.1 file server, one request per connection, one thread per connection. See the
 * starter's Javadoc for the whole spec, the status codes and the order they are checked in.
 */
public final class FileServer implements Closeable {
    public static final int DEFAULT_PORT = 8080;
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    public static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    private static final int BACKLOG = 128;
    private static final int STOP_WAIT_MILLIS = 5_000;

    private final Path root;
    private final InetAddress address;
    private final int requestedPort;
    private final Duration requestTimeout;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptThread;

    public FileServer(Path root, int port) {
        this(root, InetAddress.getLoopbackAddress(), port);
    }

    public FileServer(Path root, InetAddress address, int port) {
        this(root, address, port, Duration.ofMillis(REQUEST_TIMEOUT_MILLIS));
    }

    public FileServer(Path root, InetAddress address, int port, Duration requestTimeout) {
        this.root = root.toAbsolutePath().normalize();
        this.address = address;
        this.requestedPort = port;
        this.requestTimeout = requestTimeout;
    }

    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the file server was started already");
        }
        listener = new ServerSocket(requestedPort, BACKLOG, address);
        acceptThread = startThread("http-accept", this::acceptLoop);
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // close() closed the listening socket
            }
            connections.add(client);
            startThread("http-conn-" + client.getPort(), () -> serve(client));
        }
    }

    private void serve(Socket client) {
        try (client) {
            long deadline = System.nanoTime() + requestTimeout.toNanos(); // for the whole request, not for each read
            InputStream in = new BufferedInputStream(new DeadlineInput(client, deadline));
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            try {
                handle(in, out);
            } catch (SocketTimeoutException e) {
                sendError(out, 408, "Request Timeout", false); // too slow, or silent: a slowloris holds no thread for long
            }
            out.flush();
        } catch (IOException e) {
            // the client went away, went silent, or reset: nothing to answer
        } finally {
            connections.remove(client);
        }
    }

    /** A socket's input where every read waits only for the time left until one deadline. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the request was not complete in time");
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            return in.read(b, off, len);
        }
    }

    /** Reads one request and writes its response; the checks follow the order of the spec. */
    private void handle(InputStream in, OutputStream out) throws IOException {
        String requestLine;
        try {
            requestLine = LineCodec.readLine(in, MAX_REQUEST_LINE);
        } catch (FrameTooLongException e) {
            sendError(out, 414, "URI Too Long", false); // answered without reading the rest
            return;
        } catch (FramingException e) {
            sendError(out, 400, "Bad Request", false);
            return;
        }
        if (requestLine == null) {
            return; // connected and closed without a word
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !parts[2].matches("HTTP/1\\.[01]") || !parts[1].startsWith("/") || parts[0].isEmpty()) {
            sendError(out, 400, "Bad Request", false);
            return;
        }
        String method = parts[0];
        boolean head = method.equals("HEAD");

        int headerBudget = MAX_HEADER_BYTES;
        while (true) {
            String header;
            try {
                header = LineCodec.readLine(in, headerBudget);
            } catch (FrameTooLongException e) {
                sendError(out, 431, "Request Header Fields Too Large", head);
                return;
            } catch (FramingException e) {
                sendError(out, 400, "Bad Request", head);
                return;
            }
            if (header == null) {
                sendError(out, 400, "Bad Request", head); // the stream ended before the empty line
                return;
            }
            if (header.isEmpty()) {
                break;
            }
            if (header.indexOf(':') <= 0) {
                sendError(out, 400, "Bad Request", head);
                return;
            }
            headerBudget -= header.getBytes(StandardCharsets.UTF_8).length;
        }

        if (!head && !method.equals("GET")) {
            sendError(out, 405, "Method Not Allowed", false, "Allow: GET, HEAD\r\n");
            return;
        }
        String rawPath = parts[1].split("\\?", 2)[0]; // the path is the target up to any '?'
        String decoded = percentDecode(rawPath);
        if (decoded == null) {
            sendError(out, 400, "Bad Request", head);
            return;
        }
        Optional<Path> resolved = resolve(root, decoded);
        if (resolved.isEmpty()) {
            sendError(out, 404, "Not Found", head); // the same answer as a missing file: it reveals nothing
            return;
        }
        Path file = resolved.get();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file) || !staysUnderRoot(file)) {
            sendError(out, 404, "Not Found", head);
            return;
        }
        long size = Files.size(file);
        writeHead(out, 200, "OK", ContentTypes.of(file.getFileName().toString()), size, "");
        if (!head) {
            Files.copy(file, out); // streamed in small blocks, never held whole in memory
        }
    }

    public static Optional<Path> resolve(Path root, String decodedPath) {
        if (decodedPath.contains("\0")) {
            return Optional.empty();
        }
        String relative = decodedPath.replaceFirst("^/+", ""); // "/etc/passwd" must not resolve to /etc/passwd
        Path base = root.toAbsolutePath().normalize();
        Path file;
        try {
            file = base.resolve(relative).normalize(); // normalize() removes "a/.." and climbs on ".."
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return file.startsWith(base) ? Optional.of(file) : Optional.empty();
    }

    /** True if the file, its symbolic links followed, is still under the root (itself with its links followed). */
    private boolean staysUnderRoot(Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath()); // a link inside the root may lead anywhere
        } catch (IOException e) {
            return false; // a link to nowhere, or the file went away: nothing to serve
        }
    }

    /** Decodes %XX escapes as UTF-8 bytes; '+' stays '+' in a path. Null if an escape is malformed. */
    static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void sendError(OutputStream out, int code, String reason, boolean head) throws IOException {
        sendError(out, code, reason, head, "");
    }

    private static void sendError(OutputStream out, int code, String reason, boolean head, String extraHeaders) throws IOException {
        byte[] body = (code + " " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        writeHead(out, code, reason, "text/plain; charset=utf-8", body.length, extraHeaders);
        if (!head) {
            out.write(body);
        }
    }

    private static void writeHead(OutputStream out, int code, String reason, String type, long length, String extraHeaders)
            throws IOException {
        String head = "HTTP/1.1 " + code + " " + reason + "\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + extraHeaders
                + "Connection: close\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
    }

    private Thread startThread(String name, Runnable work) {
        threads.removeIf(t -> !t.isAlive()); // forget the threads that have ended; close() joins the rest
        Thread thread = new Thread(work, name);
        thread.setDaemon(false); // a daemon thread would not keep main's process serving
        threads.add(thread);
        thread.start();
        return thread;
    }

    public synchronized int port() {
        return listening().getLocalPort();
    }

    public synchronized InetSocketAddress address() {
        return (InetSocketAddress) listening().getLocalSocketAddress();
    }

    private ServerSocket listening() {
        if (listener == null) {
            throw new IllegalStateException("the file server has not been started");
        }
        return listener;
    }

    @Override
    public synchronized void close() throws IOException {
        if (listener == null || listener.isClosed()) {
            return;
        }
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        listener.close();
        join(acceptThread, deadline);
        for (Socket client : connections) {
            client.close();
        }
        for (Thread thread : new ArrayList<>(threads)) {
            join(thread, deadline);
        }
    }

    private static void join(Thread thread, long deadline) {
        try {
            thread.join(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
