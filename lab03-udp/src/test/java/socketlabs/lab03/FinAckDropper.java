package socketlabs.lab03;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A named misbehaving network: a relay between a sender and a receiver that passes everything
 * except the first ACK of the FIN, the last datagram of a transfer, which it drops. Only a
 * receiver that lingers after the FIN can acknowledge the FIN the sender sends again.
 */
final class FinAckDropper extends Peer {
    private final InetSocketAddress receiver;
    private SocketAddress sender;
    private int finNumber = -1;
    private int dropped;

    private FinAckDropper(InetSocketAddress receiver) throws IOException {
        this.receiver = receiver;
    }

    static FinAckDropper start(InetSocketAddress receiver) throws IOException {
        FinAckDropper peer = new FinAckDropper(receiver);
        peer.listen();
        return peer;
    }

    /** How many ACKs of the FIN it dropped (1 once the trap has sprung). */
    synchronized int dropped() {
        return dropped;
    }

    @Override
    synchronized void onDatagram(byte[] data, SocketAddress from) throws IOException {
        Segment s = Segment.parse(data, 0, data.length);
        if (!from.equals(receiver)) {
            sender = from;
            if (s != null && s.type() == Segment.Type.FIN) {
                finNumber = s.number();
            }
            send(data, receiver);
            return;
        }
        if (dropped == 0 && finNumber >= 0 && s != null && s.type() == Segment.Type.ACK && s.number() == finNumber + 1) {
            dropped++;
            return;
        }
        if (sender != null) {
            send(data, sender);
        }
    }
}
