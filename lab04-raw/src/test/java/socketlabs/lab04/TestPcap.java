package socketlabs.lab04;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** The tests' own pcap writer, apart from the reader under test: any byte order, precision and link type. */
final class TestPcap {
    private TestPcap() {
    }

    /** One record to write: seconds, fraction (µs or ns as the file says), original length, data. */
    record Rec(long seconds, long fraction, int originalLength, byte[] data) {
        Rec(long seconds, long fraction, byte[] data) {
            this(seconds, fraction, data.length, data);
        }
    }

    static byte[] write(ByteOrder order, boolean nanosecond, int linkType, List<Rec> records) {
        int size = 24 + records.stream().mapToInt(r -> 16 + r.data().length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.putInt(nanosecond ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4);
        b.putInt(0).putInt(0).putInt(262144).putInt(linkType);
        for (Rec r : records) {
            b.putInt((int) r.seconds()).putInt((int) r.fraction()).putInt(r.data().length).putInt(r.originalLength());
            b.put(r.data());
        }
        return b.array();
    }
}
