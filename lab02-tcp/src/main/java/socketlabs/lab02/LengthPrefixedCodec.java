package socketlabs.lab02;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Task 2: length-prefixed frames on a byte stream. A frame is its payload's length as a 4-byte
 * big-endian (network byte order) signed int, then the payload. Unlike lines, a payload may hold
 * any bytes.
 *
 * <pre>
 * a 3-byte frame "abc":   00 00 00 03  61 62 63
 * a 258-byte frame:       00 00 01 02  ...258 bytes...
 * </pre>
 */
public final class LengthPrefixedCodec {
    /** The size of the length prefix, in bytes. */
    public static final int HEADER_LENGTH = 4;
    /** A sensible maximum payload, 1 MiB, for callers that have no better one. */
    public static final int DEFAULT_MAX_LENGTH = 1024 * 1024;

    private LengthPrefixedCodec() {
    }

    /**
     * Reads the next frame and returns its payload.
     *
     * <p>The length comes from the peer, so it is not to be trusted: check it against
     * {@code maxLength} before allocating anything or reading any of the payload. A peer that
     * declares 2,147,483,647 bytes must get an exception, not make us allocate 2 GiB.
     *
     * <pre>{@code
     * // the stream holds 00 00 00 03 61 62 63 00 00 00 00
     * readFrame(in, 1024)  // {0x61, 0x62, 0x63}
     * readFrame(in, 1024)  // {}  (an empty frame)
     * readFrame(in, 1024)  // null (the stream ended between frames)
     * }</pre>
     *
     * @param in the stream to read from
     * @param maxLength the largest payload allowed, in bytes
     * @return the payload; {@code null} if the stream ends before the first byte of a frame
     * @throws FrameTooLongException if the declared length is over {@code maxLength}, having read
     *     only the 4 bytes of the length; the message gives the numbers, e.g. {@code "declared
     *     length 2147483647 is over the maximum 1048576"}
     * @throws FramingException if the declared length is negative (having read only its 4 bytes),
     *     or if the stream ends inside the length or the payload
     * @throws IOException if reading fails
     */
    public static byte[] readFrame(InputStream in, int maxLength) throws IOException {
        // TODO lab02 task 2: read exactly 4 bytes (one read() may return fewer), check the length, then read exactly that many
        throw new UnsupportedOperationException("lab02 task 2: LengthPrefixedCodec.readFrame is not written yet");
    }

    /**
     * Writes one frame: the payload's length as 4 bytes, most significant byte first, then the
     * payload; then flushes.
     *
     * <pre>{@code
     * writeFrame(out, new byte[] {0x61, 0x62, 0x63})   // writes 00 00 00 03 61 62 63
     * }</pre>
     *
     * @param out the stream to write to
     * @param payload the bytes to send (any values, any length, including empty)
     * @throws IOException if writing fails
     */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        // TODO lab02 task 2: big-endian means the byte (length >>> 24) goes first
        throw new UnsupportedOperationException("lab02 task 2: LengthPrefixedCodec.writeFrame is not written yet");
    }
}
