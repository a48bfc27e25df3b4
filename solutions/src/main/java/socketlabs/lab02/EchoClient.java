package socketlabs.lab02;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Task 1: an echo client. See the starter's Javadoc for the whole spec. */
public final class EchoClient {
    public static final int TIMEOUT_MILLIS = 2_000;
    public static final int CHUNK = 64 * 1024;

    private EchoClient() {
    }

    public static byte[] echo(InetSocketAddress server, byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] echo = new byte[message.length];
            // one chunk at a time: write it, then read its echo, so that no socket buffer ever fills up
            for (int start = 0; start < message.length; start += CHUNK) {
                int length = Math.min(CHUNK, message.length - start);
                out.write(message, start, length); // a socket's own stream is not buffered: nothing to flush
                int got = in.readNBytes(echo, start, length); // loops over read() until length bytes or the end
                if (got < length) {
                    throw new EOFException("the server closed the connection after echoing " + (start + got)
                            + " of " + message.length + " bytes");
                }
            }
            return echo;
        }
    }

    /** Sends the words given to an echo server and prints the echo: {@code EchoClient HOST PORT WORDS...}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: EchoClient HOST PORT MESSAGE...");
            System.exit(2);
        }
        String message = String.join(" ", java.util.Arrays.copyOfRange(args, 2, args.length));
        byte[] echo = echo(new InetSocketAddress(args[0], Integer.parseInt(args[1])), message.getBytes(StandardCharsets.UTF_8));
        System.out.println(new String(echo, StandardCharsets.UTF_8));
    }
}
