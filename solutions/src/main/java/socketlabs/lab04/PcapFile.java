package socketlabs.lab04;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Task 3: a capture file in the classic pcap format (the one {@code tcpdump -w} writes; see
 * https://www.tcpdump.org/manpages/pcap-savefile.5.html).
 *
 * <pre>
 * file header, 24 bytes:
 *   magic number     4   0xa1b2c3d4 (microsecond timestamps) or 0xa1b23c4d (nanosecond),
 *                        written in the byte order of the machine that wrote the file: read as
 *                        d4 c3 b2 a1 / 4d 3c b2 a1 the file is little-endian
 *   version major    2   2
 *   version minor    2   4
 *   thiszone         4   0
 *   sigfigs          4   0
 *   snap length      4   the most bytes kept of any packet
 *   link type        4   1 = Ethernet, 101 = raw IP, 228 = raw IPv4, 113 / 276 = Linux cooked, ...
 * then for each packet a 16-byte record header and the packet's bytes:
 *   seconds          4   since 1970-01-01T00:00Z, unsigned
 *   fraction         4   microseconds or nanoseconds, as the magic number says
 *   captured length  4   the number of bytes that follow
 *   original length  4   the packet's length on the wire
 * </pre>
 * A capture made with a snap length ({@code tcpdump -s 64}) keeps only the first bytes of each
 * packet: the captured length is then less than the original length, by design. Such a file is
 * read like any other; {@link PcapRecord#truncated()} tells those records, and
 * {@link Packet#decode} decodes what they hold.
 * Every field of the file, headers and records, is in the file's byte order; the packets inside
 * are in network byte order as always.
 *
 * @param byteOrder the file's byte order
 * @param nanosecond true if the fractions are nanoseconds, false if microseconds
 * @param versionMajor the format's major version, 2
 * @param versionMinor the format's minor version, 4
 * @param snapLength the snap length from the file header
 * @param linkType what each record holds: {@link #LINKTYPE_ETHERNET}, {@link #LINKTYPE_RAW}, ...
 * @param records the packets in file order
 */
public record PcapFile(ByteOrder byteOrder, boolean nanosecond, int versionMajor, int versionMinor, int snapLength,
        int linkType, List<PcapRecord> records) {
    /** Ethernet frames (what {@code tcpdump -i lo} writes on Linux). */
    public static final int LINKTYPE_ETHERNET = 1;
    /** Raw IP packets, IPv4 or IPv6 by the version nibble. */
    public static final int LINKTYPE_RAW = 101;
    /** Raw IPv4 packets. */
    public static final int LINKTYPE_IPV4 = 228;
    /** Linux "cooked" capture, version 1: what {@code tcpdump -i any -y LINUX_SLL} writes; a 16-byte header. */
    public static final int LINKTYPE_LINUX_SLL = 113;
    /** Linux "cooked" capture, version 2: what {@code tcpdump -i any} writes; a 20-byte header. */
    public static final int LINKTYPE_LINUX_SLL2 = 276;
    /** The largest captured length accepted, as in libpcap: anything larger is a corrupt file. */
    public static final int MAX_CAPTURED_LENGTH = 262_144;

    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;

    public PcapFile {
        Objects.requireNonNull(byteOrder, "byteOrder");
        records = List.copyOf(records);
    }

    /** Reads the capture file at {@code path}. */
    public static PcapFile read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    /**
     * Reads a whole capture file from {@code in} (not closed here). Throws
     * {@link MalformedPacketException} naming the field for a file that is not a consistent pcap file:
     * <ul>
     *   <li>{@code "file header"}: fewer than 24 bytes;</li>
     *   <li>{@code "magic number"}: not one of the four byte sequences above;</li>
     *   <li>{@code "version"}: the major version is not 2;</li>
     *   <li>{@code "record header"}: the file ends inside a record's 16-byte header;</li>
     *   <li>{@code "captured length"}: more than {@link #MAX_CAPTURED_LENGTH};</li>
     *   <li>{@code "original length"}: less than the captured length;</li>
     *   <li>{@code "packet data"}: the file ends before the captured length's bytes.</li>
     * </ul>
     * For the last four, the message says which record, counting from 1 (e.g. {@code "... of record 2"}).
     * A timestamp's seconds are unsigned 32 bits; the fraction is scaled to nanoseconds.
     *
     * <pre>{@code
     * PcapFile f = PcapFile.read(in);     // a file tcpdump -i lo -w wrote
     * f.linkType() == 1; f.records().get(0).data().length == 74   // an Ethernet frame with a SYN
     * }</pre>
     *
     * @param in the file's bytes
     * @return the file
     * @throws IOException if reading {@code in} fails
     * @throws MalformedPacketException if the bytes are not a consistent pcap file
     */
    public static PcapFile read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(24);
        if (header.length < 24) {
            throw new MalformedPacketException("file header", header.length + " bytes, fewer than the 24 of a pcap file header");
        }
        ByteBuffer h = ByteBuffer.wrap(header); // big-endian until the magic number says otherwise
        int magic = h.getInt(0);
        ByteOrder order;
        boolean nanosecond;
        if (magic == MAGIC_MICROSECONDS || magic == MAGIC_NANOSECONDS) {
            order = ByteOrder.BIG_ENDIAN;
            nanosecond = magic == MAGIC_NANOSECONDS;
        } else if (Integer.reverseBytes(magic) == MAGIC_MICROSECONDS || Integer.reverseBytes(magic) == MAGIC_NANOSECONDS) {
            order = ByteOrder.LITTLE_ENDIAN;
            nanosecond = Integer.reverseBytes(magic) == MAGIC_NANOSECONDS;
        } else {
            throw new MalformedPacketException("magic number", String.format("0x%08x is not a pcap magic number", magic));
        }
        h.order(order);
        int major = h.getShort(4) & 0xFFFF;
        int minor = h.getShort(6) & 0xFFFF;
        if (major != 2) {
            throw new MalformedPacketException("version", major + "." + minor + ", not 2.x");
        }
        int snapLength = h.getInt(16);
        int linkType = h.getInt(20) & 0xFFFF; // the upper 16 bits may carry FCS information
        List<PcapRecord> records = new ArrayList<>();
        while (true) {
            byte[] recordHeader = in.readNBytes(16);
            if (recordHeader.length == 0) {
                break; // a clean end of file
            }
            if (recordHeader.length < 16) {
                throw new MalformedPacketException("record header", "the file ends " + recordHeader.length
                        + " bytes into the 16-byte header of record " + (records.size() + 1));
            }
            ByteBuffer r = ByteBuffer.wrap(recordHeader).order(order);
            long seconds = r.getInt(0) & 0xFFFF_FFFFL;
            long fraction = r.getInt(4) & 0xFFFF_FFFFL;
            long capturedLength = r.getInt(8) & 0xFFFF_FFFFL;
            long originalLength = r.getInt(12) & 0xFFFF_FFFFL;
            if (capturedLength > MAX_CAPTURED_LENGTH) {
                throw new MalformedPacketException("captured length", capturedLength + " in record " + (records.size() + 1)
                        + " is more than the " + MAX_CAPTURED_LENGTH + " any capture uses");
            }
            if (originalLength < capturedLength) {
                throw new MalformedPacketException("original length", originalLength + " in record " + (records.size() + 1)
                        + " is less than its captured length " + capturedLength);
            }
            byte[] data = in.readNBytes((int) capturedLength);
            if (data.length < capturedLength) {
                throw new MalformedPacketException("packet data", "the file ends " + data.length + " bytes into the "
                        + capturedLength + " of record " + (records.size() + 1));
            }
            Instant time = Instant.ofEpochSecond(seconds, nanosecond ? fraction : fraction * 1000);
            records.add(new PcapRecord(time, (int) Math.min(Integer.MAX_VALUE, originalLength), data));
        }
        return new PcapFile(order, nanosecond, major, minor, snapLength, linkType, records);
    }
}
