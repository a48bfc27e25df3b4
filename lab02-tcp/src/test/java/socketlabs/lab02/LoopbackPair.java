package socketlabs.lab02;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import socketlabs.grading.Trace;
import socketlabs.grading.Wire;

/**
 * Two connected sockets on 127.0.0.1: a {@link MisbehavingClient} at one end, and the accepted
 * socket at the other for the code under test to read from (the codecs of task 2 read a real TCP
 * stream, not an array). Both ends have a read timeout. The client's writes and the reads of the code
 * under test are recorded on one {@link Wire}, so a failure can show where each side cut the stream.
 */
final class LoopbackPair implements AutoCloseable {
    final MisbehavingClient client;
    final Socket accepted;

    private LoopbackPair(MisbehavingClient client, Socket accepted) {
        this.client = client;
        this.accepted = accepted;
    }

    static LoopbackPair open() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(MisbehavingClient.CONNECT_TIMEOUT_MILLIS);
            MisbehavingClient client = MisbehavingClient.connect(listener.getLocalPort(), "your code");
            Socket accepted = listener.accept();
            accepted.setSoTimeout(MisbehavingClient.READ_TIMEOUT_MILLIS);
            return new LoopbackPair(client, accepted);
        }
    }

    /** What the code under test reads: the bytes the client sent, as they arrive; each read recorded. */
    InputStream in() throws IOException {
        return client.wire().recording(accepted.getInputStream(), Wire.Dir.OUT);
    }

    /** Attaches the exchange to the running test, with the messages decoded beside those sent. */
    void attach(String done, List<byte[]> sent, List<byte[]> decoded) {
        Trace.attach(Wire.withFrames(client.wire().trace(done, null), sent, decoded));
    }

    @Override
    public void close() throws IOException {
        try {
            accepted.close();
        } finally {
            client.close(); // closed even if the first close fails
        }
    }
}
