package socketlabs.lab03;

import java.io.IOException;
import java.net.SocketAddress;

/**
 * A named test peer: answers every datagram with the same fixed reply, whatever it asked. Used
 * to send a reply bigger than the client's buffer, to see whether the client notices the cut.
 */
final class FixedReplyPeer extends Peer {
    private final byte[] reply;

    private FixedReplyPeer(byte[] reply) throws IOException {
        this.reply = reply.clone();
    }

    static FixedReplyPeer start(byte[] reply) throws IOException {
        FixedReplyPeer peer = new FixedReplyPeer(reply);
        peer.listen();
        return peer;
    }

    @Override
    void onDatagram(byte[] data, SocketAddress from) throws IOException {
        send(reply, from);
    }
}
