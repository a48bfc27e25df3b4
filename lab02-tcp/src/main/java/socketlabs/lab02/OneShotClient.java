package socketlabs.lab02;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Task 4: the ends of a connection. A client that sends one request, tells the server it is done
 * sending, and reads the reply until the server closes, reporting how the exchange ended as an
 * {@link Exchange}, never as an exception.
 *
 * <p>A TCP connection has two directions, and each side closes its own. {@code
 * socket.shutdownOutput()} sends a FIN: "I will send no more" (a half-close); the server's
 * {@code read()} then returns -1, yet the client can still read the reply. A connection can also
 * end badly: nothing listens on the port (refused), the peer goes silent (time-out), or the peer
 * aborts the connection with a reset (RST) instead of closing it.
 */
public final class OneShotClient {
    private OneShotClient() {
    }

    /**
     * Connects to {@code server}, writes {@code request}, half-closes the connection with
     * {@code shutdownOutput()}, then reads the reply until the server closes its side.
     *
     * <p>Use {@code timeout} both to connect and for each read ({@code setSoTimeout}). Outcomes:
     * <ul>
     *   <li>{@link Outcome#COMPLETE}: the server closed its side (read returned -1); the reply is all it sent.
     *   <li>{@link Outcome#TIMED_OUT}: connecting or a read took longer than {@code timeout}
     *       ({@link java.net.SocketTimeoutException}); the reply is what had arrived so far.
     *   <li>{@link Outcome#REFUSED}: nothing listens there ({@link java.net.ConnectException}); the reply is empty.
     *   <li>{@link Outcome#RESET}: after connecting, reading or writing failed with a
     *       {@link java.net.SocketException} ("Connection reset", "Broken pipe"); the reply is what had arrived so far.
     * </ul>
     *
     * <pre>{@code
     * Exchange e = OneShotClient.exchange(new InetSocketAddress("127.0.0.1", 7007), "hi".getBytes(UTF_8), Duration.ofSeconds(2));
     * // against the echo server of task 1: e.outcome() == COMPLETE, e.replyText().equals("hi")
     * }</pre>
     *
     * @param server the server's address and port
     * @param request the bytes to send
     * @param timeout the longest wait to connect and for each read
     * @return how the exchange ended, and the reply
     * @throws java.io.IOException only for what no outcome describes (an unknown host, say)
     */
    public static Exchange exchange(InetSocketAddress server, byte[] request, Duration timeout) throws java.io.IOException {
        // TODO lab02 task 4: connect(addr, timeout); write; shutdownOutput(); read to -1; map each exception to an Outcome
        throw new UnsupportedOperationException("lab02 task 4: OneShotClient.exchange is not written yet");
    }

    /** Sends the words given, then prints how the exchange ended and the reply: {@code OneShotClient HOST PORT WORDS...}. */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length < 3) {
            System.err.println("usage: OneShotClient HOST PORT MESSAGE...");
            System.exit(2);
        }
        String request = String.join(" ", java.util.Arrays.copyOfRange(args, 2, args.length)) + "\n";
        Exchange e = exchange(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                request.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        System.out.println(e);
        System.out.print(e.replyText());
    }
}
