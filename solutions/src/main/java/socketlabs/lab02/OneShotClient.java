package socketlabs.lab02;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Task 4: the ends of a connection. See the starter's Javadoc for the whole spec. */
public final class OneShotClient {
    private OneShotClient() {
    }

    public static Exchange exchange(InetSocketAddress server, byte[] request, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            try {
                socket.connect(server, millis);
            } catch (ConnectException e) {
                return new Exchange(Outcome.REFUSED, new byte[0]);
            } catch (SocketTimeoutException e) {
                return new Exchange(Outcome.TIMED_OUT, new byte[0]);
            }
            socket.setSoTimeout(millis);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput(); // FIN: "no more from me"; the server's read() returns -1, ours still works
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    reply.write(buffer, 0, n);
                }
                return new Exchange(Outcome.COMPLETE, reply.toByteArray());
            } catch (SocketTimeoutException e) {
                return new Exchange(Outcome.TIMED_OUT, reply.toByteArray());
            } catch (SocketException e) {
                return new Exchange(Outcome.RESET, reply.toByteArray()); // "Connection reset", "Broken pipe"
            }
        }
    }

    /** Sends the words given, then prints how the exchange ended and the reply: {@code OneShotClient HOST PORT WORDS...}. */
    public static void main(String[] args) throws IOException {
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
