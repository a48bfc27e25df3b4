package socketlabs.lab04;

import java.io.IOException;

/**
 * A test peer that plays other ping processes on the same host: through a raw socket of its own
 * it sends 127.0.0.1 echo replies that are not ours (other identifiers, and one with our
 * identifier but a sequence number we have not used). Every raw ICMP socket on the host receives
 * them, ours included, before our real reply arrives; a correct ping skips them all.
 */
final class IcmpNoise implements AutoCloseable {
    /** The payload length of every fake reply: 24 bytes, so a fake reply is 32 bytes of ICMP, not 64. */
    static final int NOISE_PAYLOAD = 24;

    private final RawSocket socket;

    IcmpNoise() throws IOException {
        socket = RawSocket.open(RawSocket.IPPROTO_ICMP);
    }

    /** Sends the noise for the request (identifier, sequence) that is about to go out. */
    void burst(int identifier, int sequence) throws IOException {
        byte[] payload = new byte[NOISE_PAYLOAD]; // shorter than ping's 56 bytes, so a reply taken by mistake shows
        int[][] fakes = {{identifier ^ 0x5555, sequence}, {identifier ^ 0x00FF, sequence}, {identifier, (sequence + 1000) & 0xFFFF}};
        for (int[] f : fakes) {
            byte[] reply = TestPackets.icmp(IcmpEcho.ECHO_REPLY, 0, f[0], f[1], payload);
            socket.send(reply, reply.length, TestPackets.LOOPBACK);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
