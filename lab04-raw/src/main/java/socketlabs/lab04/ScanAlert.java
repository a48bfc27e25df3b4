package socketlabs.lab04;

import java.net.Inet4Address;
import java.time.Instant;

/**
 * What {@link PortScanDetector} raises: one source tried to connect to many ports of one target.
 *
 * @param source the address the connection attempts came from
 * @param target the address they went to
 * @param distinctPorts how many distinct destination ports were tried within the window when the
 *     alert was raised (the threshold)
 * @param firstAttempt the time of the oldest attempt still within the window, each port counted at
 *     its latest try (a port tried again is not an old attempt)
 * @param raisedAt the time of the attempt that reached the threshold
 */
public record ScanAlert(Inet4Address source, Inet4Address target, int distinctPorts, Instant firstAttempt, Instant raisedAt) {
}
