package socketlabs.lab03;

import java.io.IOException;
import java.net.SocketAddress;

/** A correct echo server on the test side, for testing clients apart from the student's server. */
final class EchoPeer extends Peer {
    private EchoPeer() throws IOException {
    }

    static EchoPeer start() throws IOException {
        EchoPeer peer = new EchoPeer();
        peer.listen();
        return peer;
    }

    @Override
    void onDatagram(byte[] data, SocketAddress from) throws IOException {
        send(data, from);
    }
}
