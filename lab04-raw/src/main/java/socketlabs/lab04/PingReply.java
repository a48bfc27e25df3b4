package socketlabs.lab04;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Locale;

/**
 * One answered echo request, with what {@code ping} prints about it.
 *
 * @param from the address the reply came from
 * @param bytes the ICMP message's length in bytes (header and payload), 64 for a default ping
 * @param sequence the sequence number
 * @param ttl the TTL of the reply's IPv4 header
 * @param rtt the round-trip time: from just before sending to just after receiving
 */
public record PingReply(Inet4Address from, int bytes, int sequence, int ttl, Duration rtt) {
    /** The line {@code ping} prints, e.g. {@code "64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms"}. */
    public String line() {
        return String.format(Locale.ROOT, "%d bytes from %s: icmp_seq=%d ttl=%d time=%s ms",
                bytes, from.getHostAddress(), sequence, ttl, millis(rtt));
    }

    /** Milliseconds as ping writes them: three decimals under 100 ms, fewer above. */
    static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    }
}
