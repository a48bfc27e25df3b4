package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;

@Hidden
@DisplayName("Task 3 · Reading captures")
class HiddenCaptureTest {

    @Test
    @Points(1)
    @DisplayName("hidden: a big-endian nanosecond raw-IPv4 file with times after 2038")
    void after2038() throws IOException {
        byte[] udp = TestPackets.ipv4(17, 9, TestPackets.LOOPBACK, Addresses.ipv4("127.0.0.53"),
                TestPackets.udp(5353, 53, "q".getBytes(StandardCharsets.US_ASCII), TestPackets.LOOPBACK, Addresses.ipv4("127.0.0.53")));
        byte[] file = TestPcap.write(ByteOrder.BIG_ENDIAN, true, PcapFile.LINKTYPE_IPV4,
                List.of(new TestPcap.Rec(0x80000001L, 999_999_999, 1500, udp)));
        PcapFile f = PcapFile.read(new ByteArrayInputStream(file));
        PcapRecord r = f.records().get(0);
        assertEquals(Instant.parse("2038-01-19T03:14:09.999999999Z"), r.timestamp(), "seconds 0x80000001 are unsigned: after 2038, not 1901");
        assertEquals(1500, r.originalLength(), "the original length may exceed the captured length");
        Packet p = Packet.decode(f.linkType(), r.data()).orElseThrow();
        assertEquals(List.of(5353, 53, 9), List.of(p.udp().sourcePort(), p.udp().destinationPort(), p.ip().ttl()), "decoded as raw IPv4 (228)");
    }
}
