package socketlabs.lab02;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;

/** Hidden: the limits exactly at and one past the maximum, which the visible tests do not probe. */
@Hidden
@DisplayName("Task 2 · Framing")
@ExtendWith(TestThreads.class)
class HiddenFramingTest {

    @Test
    @Points(2)
    @DisplayName("a frame of exactly the maximum is read; one byte more is refused")
    void frameAtTheLimit() throws IOException {
        byte[] atLimit = FramingTest.frame(new byte[1000]);
        assertEquals(1000, LengthPrefixedCodec.readFrame(new ByteArrayInputStream(atLimit), 1000).length,
                "a 1000-byte frame with a maximum of 1000 is allowed: check length > max, not >=");
        byte[] overLimit = FramingTest.frame(new byte[1001]);
        assertThrows(FrameTooLongException.class,
                () -> LengthPrefixedCodec.readFrame(new ByteArrayInputStream(overLimit), 1000),
                "a 1001-byte frame with a maximum of 1000 must be refused");
    }

    @Test
    @Points(2)
    @DisplayName("a line of exactly the maximum is read, with \\r\\n too; one byte more is refused")
    void lineAtTheLimit() throws IOException {
        String line = "x".repeat(50);
        assertEquals(line, LineCodec.readLine(FramingTest.memory(line + "\r\n"), 50),
                "a 50-byte line ending in \\r\\n with a maximum of 50 is allowed: the \\r is not part of the line");
        assertEquals(line, LineCodec.readLine(FramingTest.memory(line + "\n"), 50),
                "a 50-byte line with a maximum of 50 is allowed");
        assertThrows(FrameTooLongException.class, () -> LineCodec.readLine(FramingTest.memory(line + "x\n"), 50),
                "a 51-byte line with a maximum of 50 must be refused");
    }

    @Test
    @Points(1)
    @DisplayName("writeLine refuses a \\n anywhere in the line, its first character included")
    void writeLineRefusesLeadingNewline() {
        assertThrows(IllegalArgumentException.class, () -> LineCodec.writeLine(new java.io.ByteArrayOutputStream(), "\nabc"),
                "writeLine(out, \"\\nabc\") would send an empty line and then \"abc\": IllegalArgumentException expected."
                        + " Likely cause: indexOf('\\n') > 0 where >= 0 is meant.");
    }

    @Test
    @Points(1)
    @DisplayName("a stream that ends after a lone \\r ended mid-line: FramingException, not null")
    void loneCarriageReturn() {
        assertThrows(FramingException.class, () -> LineCodec.readLine(FramingTest.memory("\r"), 50),
                "the stream held one \\r and ended: the \\r is a byte of a line that never got its \\n, so"
                        + " FramingException, not null (null is for a stream that ends before a line's first byte)");
    }
}
