package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

@Hidden
@DisplayName("Task 1 · The Internet checksum")
class HiddenChecksumTest {

    @Test
    @Points(1)
    @DisplayName("hidden: agrees with the reference on long, odd and all-ones ranges")
    void longRanges() {
        byte[] ones = new byte[65_535];
        Arrays.fill(ones, (byte) 0xFF);
        assertEquals(TestPackets.checksum(ones, 0, ones.length), Checksum.of(ones, 0, ones.length), "65,535 bytes of 0xff");
        Random random = new Random(20_011_071);
        byte[] data = new byte[1501];
        random.nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            int length = data.length - offset - (offset % 2);
            assertEquals(TestPackets.checksum(data, offset, length), Checksum.of(data, offset, length),
                    "1501 random bytes, offset " + offset + ", length " + length);
        }
    }
}
