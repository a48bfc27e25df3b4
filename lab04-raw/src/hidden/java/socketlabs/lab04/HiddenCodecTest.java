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
@DisplayName("Task 2 · IPv4 header")
class HiddenCodecTest {
    static final Inet4Address A = Addresses.ipv4("172.16.254.1");
    static final Inet4Address B = Addresses.ipv4("255.255.255.254");

    @Test
    @Points(1)
    @DisplayName("hidden: a header with 40 bytes of options, inside a larger array")
    void maxOptions() {
        byte[] options = new byte[40];
        for (int i = 0; i < options.length; i++) {
            options[i] = (byte) (0x80 + i);
        }
        Ipv4Header h = new Ipv4Header(0xb8, 60 + 3, 0xfedc, false, true, 8191, 255, 253, 0, A, B, options);
        byte[] bytes = h.toBytes();
        assertEquals(60, bytes.length, "IHL 15: 60 bytes");
        assertEquals(0x4f, bytes[0] & 0xFF, "version 4, IHL 15");
        byte[] packet = TestPackets.concat(new byte[7], bytes, new byte[] {1, 2, 3});
        Ipv4Header back = Ipv4Header.parse(packet, 7, 63);
        assertEquals(List.of(0xb8, 63, 0xfedc, false, true, 8191, 255, 253, A, B),
                List.of(back.tos(), back.totalLength(), back.identification(), back.dontFragment(), back.moreFragments(),
                        back.fragmentOffset(), back.ttl(), back.protocol(), back.source(), back.destination()), "every field read back");
        assertArrayEquals(options, back.options(), "the 40 option bytes");
        assertEquals(0, TestPackets.checksum(bytes, 0, 60), "the written header checks to 0");
    }
}
