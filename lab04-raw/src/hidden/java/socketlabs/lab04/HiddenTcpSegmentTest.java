package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

@Hidden
@DisplayName("Task 2 · TCP segment")
class HiddenTcpSegmentTest {
    static final Inet4Address A = HiddenCodecTest.A;
    static final Inet4Address B = HiddenCodecTest.B;

    @Test
    @Points(1)
    @DisplayName("hidden: TCP fields at their largest values")
    void tcpExtremes() {
        TcpSegment s = new TcpSegment(65535, 1, 0xFFFFFFFFL, 0x80000000L, 0xFF, 65535, 0, 0x8001, new byte[40], new byte[] {7});
        byte[] bytes = s.toBytes(A, B);
        assertEquals(0, TestPackets.pseudoHeaderChecksum(A, B, 6, bytes), "the written segment checks to 0 with its pseudo-header");
        TcpSegment back = TcpSegment.parse(bytes, 0, bytes.length);
        assertEquals(List.of(65535, 1, 0xFFFFFFFFL, 0x80000000L, 0xFF, 65535, 0x8001, 15),
                List.of(back.sourcePort(), back.destinationPort(), back.sequenceNumber(), back.acknowledgementNumber(), back.flags(),
                        back.window(), back.urgentPointer(), back.dataOffset()), "every field read back, unsigned");
        assertArrayEquals(new byte[] {7}, back.payload(), "the payload after 40 bytes of options");
    }
}
