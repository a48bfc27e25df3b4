package socketlabs.lab01;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test peer that plays a network loopback cannot: each port answers as the test scripts it,
 * at once, with what a real connect would throw. Ports not scripted are refused (CLOSED). It
 * records the timeout each connect was given.
 */
final class ScriptedConnector implements Connector {
    /** How a scripted port answers. */
    enum Answer {
        /** The connection is accepted. */
        ACCEPT,
        /** ConnectException "Connection refused": nothing listens. */
        REFUSE,
        /** SocketTimeoutException: the packets were dropped, no answer came. */
        SILENCE,
        /** NoRouteToHostException: a router answered that the host cannot be reached. */
        NO_ROUTE,
        /** SocketException "Too many open files": the scanner's own machine failed, the port is unknown. */
        LOCAL_FAILURE
    }

    private final Map<Integer, Answer> script = new HashMap<>();
    private final List<Duration> timeouts = new ArrayList<>();

    ScriptedConnector answer(int port, Answer answer) {
        script.put(port, answer);
        return this;
    }

    @Override
    public void connect(InetSocketAddress address, Duration timeout) throws IOException {
        synchronized (this) {
            timeouts.add(timeout);
        }
        switch (script.getOrDefault(address.getPort(), Answer.REFUSE)) {
            case ACCEPT:
                return;
            case REFUSE:
                throw new ConnectException("Connection refused");
            case SILENCE:
                throw new SocketTimeoutException("Connect timed out");
            case NO_ROUTE:
                throw new NoRouteToHostException("No route to host");
            default:
                throw new SocketException("Too many open files");
        }
    }

    /** Every timeout the connector was given, one per connect. */
    synchronized List<Duration> timeouts() {
        return new ArrayList<>(timeouts);
    }
}
