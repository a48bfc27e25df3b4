package socketlabs.lab02;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import socketlabs.grading.Hidden;
import socketlabs.grading.Points;
import socketlabs.grading.TestThreads;

/** Hidden: sizes and seeds the visible tests do not use, so an echo tuned to them does not pass. */
@Hidden
@DisplayName("Task 1 · Echo server and client")
@ExtendWith(TestThreads.class)
class HiddenEchoTest {

    @Test
    @Points(2)
    @Timeout(60)
    @DisplayName("the server echoes an odd-sized stream of random pieces intact")
    void serverOddSizeRandomSplits() throws IOException {
        try (EchoServer server = new EchoServer(0)) {
            server.start();
            try (MisbehavingClient client = MisbehavingClient.connect(server.port())) {
                byte[] data = EchoTest.randomBytes(300_007, 77);
                client.sendInBackground(data, Delivery.RANDOM_SPLITS, false);
                String done = "sent 300,007 seeded random bytes in pieces of 1-7 bytes";
                byte[] echo = client.readExactly(data.length, done, "Likely cause: bytes of some reads dropped.");
                EchoTest.assertSameBytes(data, echo, done, "Likely cause: bytes dropped or added between reads; write exactly"
                        + " the n bytes each read() returned.");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("the client handles messages one byte past a chunk, and empty ones")
    void clientChunkBoundaries() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.echoing(Delivery.RANDOM_SPLITS)) {
            for (int size : new int[] {0, 1, EchoClient.CHUNK, EchoClient.CHUNK + 1}) {
                byte[] message = EchoTest.randomBytes(size, size);
                byte[] echo = EchoClient.echo(server.address(), message);
                EchoTest.assertSameBytes(message, echo, "EchoClient.echo sent " + size + " bytes (CHUNK is "
                        + EchoClient.CHUNK + ")", "Likely cause: an off-by-one at a chunk boundary.");
            }
        }
    }
}
