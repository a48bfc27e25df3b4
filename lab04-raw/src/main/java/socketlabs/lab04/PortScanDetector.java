package socketlabs.lab04;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    // TODO lab04 task 4: the state you need: for each (source, target) pair, the ports tried and when; the pairs already reported
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
     * of a later one at {@code u} while {@code u - t <= window} (both ends included). Trying the
     * same port again counts once, and moves that port's time to the latest try: a port tried at
     * 0 s and again at 4 s is a port tried at 4 s (it stays in the window longer, and the alert's
     * {@link ScanAlert#firstAttempt} is the oldest of the ports' latest tries, still within the
     * window). The first time a pair reaches {@code portThreshold} distinct
     * ports within the window, the detector returns an alert and adds it to {@link #alerts()};
     * it raises no second alert for that pair. Packets that are not attempts change nothing.
     *
     * @param time when the packet was seen; never earlier than the previous packet's time
     * @param packet the decoded packet
     * @return the alert this packet raised, or empty
     */
    public Optional<ScanAlert> accept(Instant time, Packet packet) {
        // TODO lab04 task 4: count SYN-without-ACK attempts per (source, target) by destination port, forget those older than the window
        throw new UnsupportedOperationException("lab04 task 4: PortScanDetector.accept is not written yet");
    }

    /** Every alert raised so far, in the order raised. */
    public List<ScanAlert> alerts() {
        return List.copyOf(alerts);
    }
}
