package socketlabs.lab02;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Task 2: lines as messages on a byte stream. See the starter's Javadoc for the whole spec. */
public final class LineCodec {
    public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

    private LineCodec() {
    }

    public static String readLine(InputStream in, int maxLength) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean pendingCr = false; // a '\r' held back: it is part of the line unless '\n' follows
        while (true) {
            int b = in.read(); // one byte at a time: never read past the '\n'
            if (b == -1) {
                if (pendingCr) {
                    line.write('\r'); // no '\n' came after it: it was part of the line
                }
                if (line.size() == 0) {
                    return null;
                }
                throw new FramingException("the stream ended in the middle of a line, after " + line.size() + " bytes");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (pendingCr) {
                line.write('\r');
            }
            pendingCr = b == '\r';
            if (!pendingCr) {
                line.write(b);
            }
            if (line.size() > maxLength) {
                throw new FrameTooLongException("the line is longer than the maximum " + maxLength + " bytes");
            }
        }
    }

    public static void writeLine(OutputStream out, String line) throws IOException {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line cannot contain '\\n': it would end the line early");
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }
}
