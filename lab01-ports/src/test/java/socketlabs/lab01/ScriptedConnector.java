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
 * at once, with what a real connect would throw. Ports not scripted are refused (CLOSED). A port
 * can be scripted with several answers, one per try, the last one repeated: a port silent once,
 * then refused, plays a closed port on a machine too busy to send the first SYN in time. It
 * records the timeout each connect was given, and how many times each port was tried.
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

    private final Map<Integer, List<Answer>> script = new HashMap<>();
    private final List<Duration> timeouts = new ArrayList<>();
    private final Map<Integer, Integer> tries = new HashMap<>();

    ScriptedConnector answer(int port, Answer answer) {
        script.put(port, List.of(answer));
        return this;
    }

    /** The port answers {@code first} the first time it is tried, and {@code then} every time after. */
    ScriptedConnector answer(int port, Answer first, Answer then) {
        script.put(port, List.of(first, then));
        return this;
    }

    @Override
    public void connect(InetSocketAddress address, Duration timeout) throws IOException {
        List<Answer> answers = script.getOrDefault(address.getPort(), List.of(Answer.REFUSE));
        int attempt;
        synchronized (this) {
            timeouts.add(timeout);
            attempt = tries.merge(address.getPort(), 1, Integer::sum);
        }
        switch (answers.get(Math.min(attempt, answers.size()) - 1)) {
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

    /** How many times {@code port} was tried. */
    synchronized int tries(int port) {
        return tries.getOrDefault(port, 0);
    }

    /** Every timeout the connector was given, one per connect. */
    synchronized List<Duration> timeouts() {
        return new ArrayList<>(timeouts);
    }
}
