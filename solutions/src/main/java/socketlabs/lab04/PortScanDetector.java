package socketlabs.lab04;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Task 4: a port-scan detector, the simplest rule of an intrusion detection system. A connection
 * attempt is a TCP segment with SYN set and ACK clear (a SYN-ACK is a server's answer, not an
 * attempt). When one source has sent attempts to {@code portThreshold} distinct destination
 * ports of one target within {@code window}, that is a scan.
 *
 * <pre>{@code
 * PortScanDetector d = new PortScanDetector(20, Duration.ofSeconds(5));
 * for (PcapRecord r : capture.records()) {
 *     Packet.decode(capture.linkType(), r.data()).flatMap(p -> d.accept(r.timestamp(), p))
 *             .ifPresent(alert -> System.out.println("scan: " + alert));
 * }
 * }</pre>
 */
public final class PortScanDetector {
    private final int portThreshold;
    private final Duration window;
    /** For each (source, target) pair: each port tried, with the time it was last tried. */
    private final Map<List<Inet4Address>, Map<Integer, Instant>> attempts = new HashMap<>();
    /** The pairs already reported: one scan, one alert. */
    private final Set<List<Inet4Address>> reported = new HashSet<>();
    private final List<ScanAlert> alerts = new ArrayList<>();

    /**
     * @param portThreshold how many distinct ports make a scan, at least 1
     * @param window how close together the attempts must be, positive
     * @throws IllegalArgumentException if {@code portThreshold} is under 1 or {@code window} not positive
     */
    public PortScanDetector(int portThreshold, Duration window) {
        if (portThreshold < 1) {
            throw new IllegalArgumentException("portThreshold must be at least 1, not " + portThreshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, not " + window);
        }
        this.portThreshold = portThreshold;
        this.window = window;
    }

    /**
     * Takes one packet, in time order. An attempt counts for the pair (IPv4 source, IPv4
     * destination) and its destination port; an attempt made at {@code t} is within the window
 * @param firstAttempt the time of the oldest attempt still within the window, each port counted at
 *     its latest try (a port tried again is not an old attempt)
     * ports within the window, the detector returns an alert and adds it to {@link #alerts()};
     * it raises no second alert for that pair. Packets that are not attempts change nothing.
     *
     * @param time when the packet was seen; never earlier than the previous packet's time
     * @param packet the decoded packet
     * @return the alert this packet raised, or empty
     */
    public Optional<ScanAlert> accept(Instant time, Packet packet) {
        Objects.requireNonNull(time, "time");
        TcpSegment tcp = packet.tcp();
        if (tcp == null || !tcp.has(TcpSegment.SYN) || tcp.has(TcpSegment.ACK)) {
            return Optional.empty();
        }
        List<Inet4Address> pair = List.of(packet.ip().source(), packet.ip().destination());
        Map<Integer, Instant> ports = attempts.computeIfAbsent(pair, k -> new HashMap<>());
        ports.put(tcp.destinationPort(), time);
        Instant oldestAllowed = time.minus(window);
        ports.values().removeIf(t -> t.isBefore(oldestAllowed)); // forget attempts older than the window
        if (ports.size() < portThreshold || reported.contains(pair)) {
            return Optional.empty();
        }
        reported.add(pair);
        Instant first = ports.values().stream().min(Instant::compareTo).orElse(time);
        ScanAlert alert = new ScanAlert(pair.get(0), pair.get(1), ports.size(), first, time);
        alerts.add(alert);
        return Optional.of(alert);
    }

    /** Every alert raised so far, in the order raised. */
    public List<ScanAlert> alerts() {
        return List.copyOf(alerts);
    }
}
