package socketlabs.lab02;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Task 1: an echo client. It connects to an echo server, sends a message, reads back the whole
 * echo, and closes.
 *
 * <p>The life of a stream socket on the client side: create a {@link java.net.Socket}, connect it
 * to the server's address and port, write and read its streams, close it.
 */
public final class EchoClient {
    /** How long to wait for the connection and for each read, in milliseconds. */
    public static final int TIMEOUT_MILLIS = 2_000;
    /** How many bytes to send before reading their echo (see {@link #echo}). */
    public static final int CHUNK = 64 * 1024;

    private EchoClient() {
    }

    /**
     * Sends {@code message} to an echo server and returns the echo: exactly
     * {@code message.length} bytes, read however they arrive (one {@code read()} may return fewer
     * bytes than were sent).
     *
     * <p>Send the message in chunks of at most {@link #CHUNK} bytes and read each chunk's echo
     * before sending the next one. Why: the server echoes as it reads, and if nobody reads the echo,
     * the socket buffers fill up, the server blocks in {@code write()} and stops reading, and the
     * client then blocks in {@code write()} too, for ever. Set a connect timeout and a read timeout
     * of {@link #TIMEOUT_MILLIS}.
     *
     * <pre>{@code
     * byte[] echo = EchoClient.echo(new InetSocketAddress("127.0.0.1", 7007), "hello".getBytes(UTF_8));
     * // echo contains the 5 bytes "hello"
     * }</pre>
     *
     * @param server the echo server's address and port
     * @param message the bytes to send (any values, any length, including empty)
     * @return the bytes echoed back, as many as were sent
     * @throws java.io.EOFException if the server closes the connection before the whole echo came
     *     back; the message says how many of how many bytes arrived, e.g. {@code "the server
     *     closed the connection after 70000 of 100000 bytes"}
     * @throws IOException if connecting, reading or writing fails, or a read times out
     */
    public static byte[] echo(InetSocketAddress server, byte[] message) throws IOException {
        // TODO lab02 task 1: connect with a timeout; for each chunk: write it, flush, then read exactly that many bytes back
        throw new UnsupportedOperationException("lab02 task 1: EchoClient.echo is not written yet");
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
