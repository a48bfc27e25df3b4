package socketlabs.lab03;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The statistics {@code ping} prints at the end. Round-trip times are in milliseconds and are
 * taken over the received pings only; all four are 0 when none was received.
 * Provided, ready-made: {@link Pinger#summarize} returns one.
 *
 * @param sent pings sent
 * @param received pings whose reply came back in time
 * @param lossPercent {@code 100 * (sent - received) / sent}, 0 when nothing was sent
 * @param minMs the smallest round-trip time
 * @param avgMs the mean round-trip time
 * @param maxMs the largest round-trip time
 * @param mdevMs the mean deviation as {@code ping} computes it: the population standard deviation,
 *     {@code sqrt(mean(rtt^2) - mean(rtt)^2)}
 */
public record PingSummary(int sent, int received, double lossPercent, double minMs, double avgMs, double maxMs, double mdevMs) {

    /** The two lines {@code ping} prints, e.g. {@code "10 packets transmitted, 7 received, 30% packet loss"}. */
    @Override
    public String toString() {
        String loss = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(lossPercent);
        String counts = String.format(Locale.ROOT, "%d packets transmitted, %d received, %s%% packet loss", sent, received, loss);
        if (received == 0) {
            return counts;
        }
        return counts + String.format(Locale.ROOT, "%nrtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", minMs, avgMs, maxMs, mdevMs);
    }
}
