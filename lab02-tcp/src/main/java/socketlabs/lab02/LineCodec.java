package socketlabs.lab02;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Task 2: lines as messages on a byte stream. A line is UTF-8 text ended by {@code "\n"}; a
 * {@code "\r\n"} ending is accepted too (telnet, HTTP and most of the Internet send it). TCP keeps
 * no message boundaries: a line may arrive one byte at a time, or several lines in one read.
 */
public final class LineCodec {
    /** A sensible maximum line length, in bytes, for callers that have no better one. */
    public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

    private LineCodec() {
    }

    /**
     * Reads the next line and returns it without its ending ({@code "\n"} or {@code "\r\n"}).
     *
     * <p>Reads one byte at a time and never reads past the {@code '\n'}, so that the next call
     * finds the next line where this one stopped. (A caller that wants speed wraps the socket's
     * stream in a {@link java.io.BufferedInputStream} once, and passes that same stream every time.)
     * A {@code '\r'} is removed only when it comes just before the {@code '\n'}.
     *
     * <pre>{@code
     * // the stream holds "hi\r\nyou\n"
     * readLine(in, 100) == "hi";  readLine(in, 100) == "you";  readLine(in, 100) == null
     * }</pre>
     *
     * @param in the stream to read from
     * @param maxLength the most bytes a line may have, its ending not counted
     * @return the line, decoded as UTF-8; {@code null} if the stream ends before the line's first byte
     * @throws FrameTooLongException if the line has more than {@code maxLength} bytes, found as soon
     *     as byte {@code maxLength + 1} of the line arrives (a hostile peer must not make us read for
     *     ever). The ending is not part of the line: with a maximum of 5, {@code "hello\r\n"} is a
     *     line, and {@code "hello!"} is too long at the {@code '!'}
     * @throws FramingException if the stream ends in the middle of a line
     * @throws IOException if reading fails
     */
    public static String readLine(InputStream in, int maxLength) throws IOException {
        // TODO lab02 task 2: collect bytes until '\n'; -1 before any byte = null, -1 after some = FramingException
        throw new UnsupportedOperationException("lab02 task 2: LineCodec.readLine is not written yet");
    }

    /**
     * Writes {@code line} as UTF-8 followed by {@code "\n"}, and flushes.
     *
     * <pre>{@code
     * writeLine(out, "héllo")   // writes 68 c3 a9 6c 6c 6f 0a
     * }</pre>
     *
     * @param out the stream to write to
     * @param line the text, which must not contain {@code '\n'}
     * @throws IllegalArgumentException if {@code line} contains {@code '\n'}
     * @throws IOException if writing fails
     */
    public static void writeLine(OutputStream out, String line) throws IOException {
        // TODO lab02 task 2: refuse '\n' inside the line, write the UTF-8 bytes and '\n', flush
        throw new UnsupportedOperationException("lab02 task 2: LineCodec.writeLine is not written yet");
    }
}
