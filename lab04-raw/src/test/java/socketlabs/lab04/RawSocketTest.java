package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Warm-ups without points: what the provided binding does, so that its messages are familiar before task 5. */
@DisplayName("Warm-up · The provided raw socket")
class RawSocketTest {

    @Test
    @DisplayName("says in one line why raw sockets are unavailable, if they are")
    void reason() {
        RawSocket.unavailableReason().ifPresent(why -> assertFalse(why.isBlank() || why.contains("\n"), "one line: " + why));
    }

    @Test
    @DisplayName("rejects a protocol outside 1-255 before any native call")
    void badProtocol() {
        assertThrows(IllegalArgumentException.class, () -> RawSocket.open(256), "protocol 256 does not fit the IPv4 header's byte");
    }

    @Test
    @DisplayName("reports use after close as an IOException, not a crash (root)")
    void afterClose() throws IOException {
        LiveRaw.assumeAvailable();
        RawSocket socket = RawSocket.open(RawSocket.IPPROTO_ICMP);
        assertTrue(socket.receive(new byte[1500], Duration.ZERO) >= -1, "receive() with no wait returns at once");
        socket.close();
        socket.close(); // closing twice is harmless
        IOException e = assertThrows(IOException.class, () -> socket.send(new byte[8], 8, TestPackets.LOOPBACK), "send() after close()");
        assertTrue(e.getMessage().contains("closed"), "the message says the socket is closed: " + e.getMessage());
    }
}
