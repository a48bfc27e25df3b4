package socketlabs.lab02;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Task 2: length-prefixed frames on a byte stream. See the starter's Javadoc for the whole spec. */
public final class LengthPrefixedCodec {
    public static final int HEADER_LENGTH = 4;
    public static final int DEFAULT_MAX_LENGTH = 1024 * 1024;

    private LengthPrefixedCodec() {
    }

    public static byte[] readFrame(InputStream in, int maxLength) throws IOException {
        byte[] header = in.readNBytes(HEADER_LENGTH); // loops over read(): one read may bring 1 byte
        if (header.length == 0) {
            return null;
        }
        if (header.length < HEADER_LENGTH) {
            throw new FramingException("the stream ended inside a frame's length, after " + header.length + " of "
                    + HEADER_LENGTH + " bytes");
        }
        int length = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | (header[3] & 0xff);
        // the length comes from the peer: check it before allocating or reading anything
        if (length < 0) {
            throw new FramingException("declared length " + length + " is negative");
        }
        if (length > maxLength) {
            throw new FrameTooLongException("declared length " + length + " is over the maximum " + maxLength);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new FramingException("the stream ended inside a frame's payload, after " + payload.length + " of "
                    + length + " bytes");
        }
        return payload;
    }

    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        int n = payload.length;
        byte[] frame = new byte[HEADER_LENGTH + n];
        frame[0] = (byte) (n >>> 24); // big-endian: most significant byte first
        frame[1] = (byte) (n >>> 16);
        frame[2] = (byte) (n >>> 8);
        frame[3] = (byte) n;
        System.arraycopy(payload, 0, frame, HEADER_LENGTH, n);
        out.write(frame); // one write: the header and payload leave together
        out.flush();
    }
}
