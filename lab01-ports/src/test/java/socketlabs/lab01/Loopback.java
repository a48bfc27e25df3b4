package socketlabs.lab01;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** The one address the tests talk to, and a way to find a port that is free right now. */
final class Loopback {
    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private Loopback() {
    }

    /**
     * A TCP port that was free a moment ago: bind port 0, read the port the OS picked, close.
     * Another program could take it in between; on loopback in a test that is rare enough.
     */
    static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, ADDRESS)) {
            s.setSoTimeout(2000);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True if a TCP socket can bind the port right now (it is closed again at once). */
    static boolean isFreeTcpPort(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setSoTimeout(2000);
            s.bind(new InetSocketAddress(ADDRESS, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
