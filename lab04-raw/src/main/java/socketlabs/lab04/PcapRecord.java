package socketlabs.lab04;

import java.time.Instant;
import java.util.Objects;

/**
 * One packet of a capture file, as it was captured: when, how long it was on the wire, and the
 * bytes kept (a link-layer frame: see {@link PcapFile#linkType()}).
 *
 * @param timestamp when the packet was captured
 * @param originalLength the packet's length on the wire, at least {@code data.length}
 * @param data the bytes captured
 */
public record PcapRecord(Instant timestamp, int originalLength, byte[] data) {
    public PcapRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(data, "data");
    }

    /** True if the capture kept fewer bytes than the packet had on the wire (a snap length cut it). */
    public boolean truncated() {
        return data.length < originalLength;
    }
}
