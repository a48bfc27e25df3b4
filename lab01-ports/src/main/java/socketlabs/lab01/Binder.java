package socketlabs.lab01;

import java.net.InetAddress;

/**
 * Task 4: binding. To bind is to claim an address and port for a socket: from then on the OS
 * delivers to this socket what arrives for that port, and refuses the port to anyone else.
 * TCP and UDP have separate port spaces, so TCP port 5000 and UDP port 5000 can be held at once.
 */
public final class Binder {
    private Binder() {
    }

    /**
     * Binds a TCP server socket (a {@link java.net.ServerSocket}, which also starts listening)
     * to {@code address} and {@code port}, and leaves it open in the result.
     *
     * <pre>{@code
     * try (BindResult r = Binder.bindTcp(InetAddress.getLoopbackAddress(), 0)) {
     *     r.status()  // BOUND
     *     r.port()    // 43517: the port the OS picked, not 0
     * }
     * Binder.bindTcp(loopback, portSomeoneHolds).status()  // IN_USE, no exception
     * }</pre>
     *
     * @param address the local address to bind, for example {@code InetAddress.getLoopbackAddress()}
     * @param port    0-65535; 0 asks the OS for any free (ephemeral) port
     * @return {@link BindResult#bound} with the address and port the socket is really bound to
     *     (ask the socket, after bind); {@link BindResult#inUse} when the OS says the port is
     *     already in use (a {@link java.net.BindException} whose message contains "already in use");
     *     {@link BindResult#failed} for any other {@link java.io.IOException}. Never throws an
     *     IOException; on IN_USE and FAILED, no socket is left open.
     */
    public static BindResult bindTcp(InetAddress address, int port) {
        // TODO lab01 task 4: new ServerSocket(), bind(new InetSocketAddress(address, port)); do not close it on success
        throw new UnsupportedOperationException("lab01 task 4: Binder.bindTcp is not written yet");
    }

    /**
     * Binds a UDP socket (a {@link java.net.DatagramSocket}) to {@code address} and {@code port},
     * and leaves it open in the result; as {@link #bindTcp}, for UDP.
     *
     * <pre>{@code
     * BindResult tcp = Binder.bindTcp(loopback, 0);
     * BindResult udp = Binder.bindUdp(loopback, tcp.port());  // BOUND too: another port space
     * }</pre>
     *
     * @param address the local address to bind
     * @param port    0-65535; 0 asks the OS for any free port
     * @return BOUND, IN_USE or FAILED, as for {@link #bindTcp}
     */
    public static BindResult bindUdp(InetAddress address, int port) {
        // TODO lab01 task 4: new DatagramSocket(new InetSocketAddress(address, port)) binds as it is made
        throw new UnsupportedOperationException("lab01 task 4: Binder.bindUdp is not written yet");
    }
}
