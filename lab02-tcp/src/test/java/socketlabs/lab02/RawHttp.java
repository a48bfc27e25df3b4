package socketlabs.lab02;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import socketlabs.grading.Trace;
import socketlabs.grading.Wire;

/**
 * HTTP by hand, for the requests that a well-behaved client such as {@link java.net.http.HttpClient}
 * never sends: malformed lines, traversal paths sent byte for byte, oversized request lines and
 * headers. It writes the bytes as given and reads the response until the server closes. A test attaches
 * the request and the response, with what it expected ({@link Response#attach}), for the report page.
 */
final class RawHttp {
    static final int TIMEOUT_MILLIS = 5_000;

    private RawHttp() {
    }

    /** A response as it arrived: the status code, the head (status line and headers) and the body. */
    static final class Response {
        final int status;
        final String head;
        final byte[] body;
        final String raw;
        final byte[] bytes;
        byte[] request = new byte[0];

        Response(byte[] bytes) {
            this.bytes = bytes;
            raw = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            head = end < 0 ? raw : raw.substring(0, end);
            body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            int code = -1;
            if (raw.startsWith("HTTP/1.") && raw.length() >= 12) {
                try {
                    code = Integer.parseInt(raw.substring(9, 12));
                } catch (NumberFormatException e) {
                    code = -1;
                }
            }
            status = code;
        }

        /** A header's value (name compared ignoring case), or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Says which request this response answers (when the test wrote it itself, not through {@link #send}). */
        Response sent(byte[] request) {
            this.request = request;
            return this;
        }

        /**
         * Attaches the request as sent and this response as it came back to the running test, with what the test
         * expects of it ({@link RawHttp#expected}): the report page draws them, marked, if the test fails.
         */
        Response attach(Map<String, Object> expected) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("kind", "http");
            t.put("request", HexFormat.of().formatHex(request, 0, Math.min(request.length, Wire.MAX_BYTES)));
            t.put("request_len", request.length);
            t.put("response", HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, Wire.MAX_BYTES)));
            t.put("response_len", bytes.length);
            t.put("expected", expected);
            Trace.attach(t);
            return this;
        }

        /** The first line and a few more of the response, for failure messages. */
        String shown() {
            if (raw.isEmpty()) {
                return "(nothing: the connection closed without a response)";
            }
            String s = raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
            return "\"" + s.replace("\r", "\\r").replace("\n", "\\n") + "\"";
        }
    }

    /** Sends {@code request} (ISO-8859-1, byte for byte) to 127.0.0.1:{@code port} and reads the response to its end. */
    static Response send(int port, String request) throws IOException {
        try (Socket socket = connect(port)) {
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return readResponse(socket, "sent " + quote(request)).sent(bytes);
        }
    }

    /**
     * What a test expects of a response, for {@link Response#attach}: {@code status} (a code, or a list of the codes
     * accepted), the body (or null: not checked) and {@code headers} as name, value, name, value...
     */
    static Map<String, Object> expected(Object status, byte[] body, String... headers) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        Map<String, Object> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        e.put("headers", h);
        if (body != null) {
            e.put("body", HexFormat.of().formatHex(body, 0, Math.min(body.length, Wire.MAX_BYTES)));
        }
        return e;
    }

    static Map<String, Object> expected(Object status) {
        return expected(status, null);
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    /**
     * Reads until the server closes. A reset after the response (a server that closes with the
     * rest of a huge request unread sends one) keeps what had arrived; silence is a failure.
     */
    static Response readResponse(Socket socket, String done) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            Response partial = new Response(got.toByteArray());
            String what = got.size() == 0
                    ? "nothing at all arrived for " + TIMEOUT_MILLIS + " ms, and the connection is still open"
                    : "after " + partial.shown() + " nothing more came for " + TIMEOUT_MILLIS + " ms, and the"
                    + " connection is still open";
            throw new AssertionError(done + "; expected a response and then the end of the connection, but " + what
                    + ". Likely cause: " + (got.size() == 0 ? "the server is still reading, waiting for more of the"
                    + " request." : "the server answered without closing the connection (every response here ends"
                    + " with Connection: close and a close).") + lineCodecNote(), e);
        } catch (SocketException e) {
            // reset after the response: keep what arrived
        }
        return new Response(got.toByteArray());
    }

    /**
     * Empty if task 2's {@link LineCodec#readLine} reads a request's lines one after another;
     * otherwise a note that the file server fails because of it, and that task 2 comes first.
     */
    static String lineCodecNote() {
        java.io.InputStream in = new java.io.ByteArrayInputStream(
                "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        java.util.List<String> lines = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                lines.add(LineCodec.readLine(in, 100));
            }
            if (lines.equals(java.util.List.of("GET / HTTP/1.1", "Host: 127.0.0.1", ""))) {
                return "";
            }
        } catch (IOException | RuntimeException e) {
            lines.add("(then threw " + e + ")");
        }
        return " Note: the file server reads its request with LineCodec.readLine of task 2, and it is not"
                + " right yet: given \"GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n\" in one stream, three"
                + " calls returned " + lines + " instead of [GET / HTTP/1.1, Host: 127.0.0.1, ]. Make FramingTest"
                + " pass first (a reader or buffer of its own in readLine keeps the next lines).";
    }

    static String quote(String request) {
        String s = request.length() > 120 ? request.substring(0, 120) + "...(" + request.length() + " characters)" : request;
        return "\"" + s.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
