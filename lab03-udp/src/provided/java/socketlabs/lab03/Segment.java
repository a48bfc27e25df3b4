package socketlabs.lab03;

import java.net.DatagramPacket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One datagram of the reliable-transfer protocol of task 4. Provided, ready-made: nothing to write here.
 *
 * <pre>
 *  byte 0      type: 1 = DATA, 2 = ACK, 3 = FIN
 *  bytes 1-4   number, big-endian (network byte order)
 *  bytes 5-    payload (DATA only; ACK and FIN carry none)
 * </pre>
 *
 * <ul>
 *   <li>{@code DATA n}: the n-th piece of the byte stream, counting from 0.</li>
 *   <li>{@code FIN n}: the end of the stream, sent after the last DATA; n is the number of DATA
 *       segments, so the FIN takes the next sequence number and is acknowledged like data.</li>
 *   <li>{@code ACK n}: a cumulative acknowledgement, "I have every segment before n; n is the one
 *       I expect next". {@code ACK 0} means nothing has arrived yet.</li>
 * </ul>
 *
 * @param type the kind of segment
 * @param number the sequence number (DATA, FIN) or the next expected number (ACK)
 * @param payload the data carried (empty for ACK and FIN)
 */
public record Segment(Type type, int number, byte[] payload) {
    /** Bytes before the payload: the type and the number. */
    public static final int HEADER_BYTES = 5;

    /** The three kinds of segment, with their code on the wire. */
    public enum Type {
        DATA(1), ACK(2), FIN(3);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }

    /** A DATA segment. */
    public static Segment data(int seq, byte[] payload) {
        return new Segment(Type.DATA, seq, payload.clone());
    }

    /** An ACK: "every segment before {@code next} has arrived". */
    public static Segment ack(int next) {
        return new Segment(Type.ACK, next, new byte[0]);
    }

    /** The FIN, numbered after the last DATA segment. */
    public static Segment fin(int seq) {
        return new Segment(Type.FIN, seq, new byte[0]);
    }

    /** The datagram's bytes: header, then payload. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(HEADER_BYTES + payload.length).put((byte) type.code).putInt(number).put(payload).array();
    }

    /** A datagram carrying this segment to {@code to}. */
    public DatagramPacket toPacket(SocketAddress to) {
        byte[] bytes = toBytes();
        return new DatagramPacket(bytes, bytes.length, to);
    }

    /**
     * Reads a segment from a received datagram's bytes.
     *
     * <pre>{@code
     * Segment s = Segment.parse(packet.getData(), packet.getOffset(), packet.getLength());
     * }</pre>
     *
     * @return the segment, or {@code null} if the bytes are not one (too short, unknown type, an
     *     ACK or FIN with a payload, a negative number): ignore such datagrams
     */
    public static Segment parse(byte[] data, int offset, int length) {
        if (length < HEADER_BYTES) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(data, offset, length);
        int code = in.get();
        int number = in.getInt();
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        for (Type type : Type.values()) {
            if (type.code == code && number >= 0 && (type == Type.DATA || payload.length == 0)) {
                return new Segment(type, number, payload);
            }
        }
        return null;
    }

    /** The segment of a received packet, or {@code null} if it is not one. */
    public static Segment parse(DatagramPacket packet) {
        return parse(packet.getData(), packet.getOffset(), packet.getLength());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment && ((Segment) o).type == type && ((Segment) o).number == number
                && Arrays.equals(((Segment) o).payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + number) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return type + " " + number + (type == Type.DATA ? " (" + payload.length + " bytes)" : "");
    }
}
