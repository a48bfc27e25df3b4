package socketlabs.lab03;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A server under test ({@code EchoServer.serve}, {@code PingServer.serve}) running on a loopback
 * socket in a thread of its own; closing it closes the socket, which must end {@code serve}.
 */
final class RunningServer implements AutoCloseable {
    /** The server's loop, given the socket to serve on. */
    interface Serve {
        void serve(DatagramSocket socket) throws Exception;
    }

    private final DatagramSocket socket;
    private final Async<Void> running;

    private RunningServer(DatagramSocket socket, Async<Void> running) {
        this.socket = socket;
        this.running = running;
    }

    /** Starts {@code serve} on a fresh loopback socket; {@code what} names it in messages. */
    static RunningServer start(String what, Serve serve) throws IOException {
        DatagramSocket socket = Loopback.socket();
        // the server may sit idle between datagrams for as long as a test lasts
        socket.setSoTimeout(10_000);
        return new RunningServer(socket, Async.start(what, () -> {
            serve.serve(socket);
            return null;
        }));
    }

    /** Where the server listens. */
    InetSocketAddress address() {
        return Loopback.address(socket);
    }

    /**
     * The next datagram {@code client} receives, or null after {@code timeoutMs}; sooner when the
     * server has ended (returned or thrown: the untouched starter's {@code serve} throws at once), as
     * a server that ended sends nothing more. The wait is for a reply or for the server's end,
     * never a fixed pause.
     */
    byte[] reply(DatagramSocket client, int timeoutMs) {
        return Loopback.receiveUnless(client, timeoutMs, running::ended);
    }

    /** Empty while the server runs; otherwise " (EchoServer.serve threw ...)" for a failure message. */
    String problem() {
        // serve must go on until the socket is closed: ending earlier, by return or throw, is the problem
        return running.await(Duration.ofMillis(50)) ? " (" + running.describe() + " while its socket was still open)" : "";
    }

    @Override
    public void close() {
        socket.close();
        running.await(Duration.ofSeconds(1));
    }
}
