package socketlabs.lab01;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The outcome of one attempt to bind a port: what was bound, or why nothing was. A port in use
 * is an ordinary outcome that a program reports, not a stack trace. Close the result to release
 * the port. Provided, ready-made: make one with {@link #bound}, {@link #inUse} or {@link #failed}.
 *
 * @param protocol      "tcp" or "udp"
 * @param requested     the address and port asked for (port 0: "any free port")
 * @param status        what happened
 * @param local         the address and port really bound (when port 0 was asked for, the port the
 *                      OS picked); null unless {@link Status#BOUND}
 * @param socket        the bound socket, still open (a {@link java.net.ServerSocket} for tcp, a
 *                      {@link java.net.DatagramSocket} for udp); null unless {@link Status#BOUND}
 * @param message       one line for a person: what was bound, or what went wrong
 */
public record BindResult(String protocol, InetSocketAddress requested, Status status, InetSocketAddress local,
        Closeable socket, String message) implements Closeable {

    /** What a bind attempt gave. */
    public enum Status {
        /** The port is ours until the result is closed. */
        BOUND,
        /** Another socket holds this port (the OS said EADDRINUSE: "Address already in use"). */
        IN_USE,
        /** Any other reason: the address is not on this machine, no permission for a port below 1024... */
        FAILED
    }

    /** A bind that worked: {@code local} is what the socket reports it is bound to. */
    public static BindResult bound(String protocol, InetSocketAddress requested, InetSocketAddress local, Closeable socket) {
        return new BindResult(protocol, requested, Status.BOUND, local, socket,
                protocol + " " + text(local) + " bound" + (requested.getPort() == 0 ? " (port chosen by the OS)" : ""));
    }

    /** A bind refused because another socket holds the port. */
    public static BindResult inUse(String protocol, InetSocketAddress requested) {
        return new BindResult(protocol, requested, Status.IN_USE, null, null,
                protocol + " " + text(requested) + " is already in use");
    }

    /** A bind refused for another reason; {@code cause} says which. */
    public static BindResult failed(String protocol, InetSocketAddress requested, IOException cause) {
        return new BindResult(protocol, requested, Status.FAILED, null, null,
                "cannot bind " + protocol + " " + text(requested) + ": " + cause.getMessage());
    }

    /** The port really bound. */
    public int port() {
        if (local == null) {
            throw new IllegalStateException("nothing was bound: " + message);
        }
        return local.getPort();
    }

    /** Releases the port (closes the socket), if one was bound. */
    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }

    private static String text(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    @Override
    public String toString() {
        return status + ": " + message;
    }
}
