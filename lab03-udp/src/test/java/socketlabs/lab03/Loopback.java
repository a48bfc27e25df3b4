package socketlabs.lab03;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/** Test-side helpers: loopback sockets on port 0 with a read timeout, and bytes shown for failure messages. */
final class Loopback {
    /** The read timeout of every socket a test opens. */
    static final int READ_TIMEOUT_MS = 2_000;

    private Loopback() {
    }

    /** A socket on 127.0.0.1 and a free port, with {@link #READ_TIMEOUT_MS}. */
    static DatagramSocket socket() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    /** Where a socket listens. */
    static InetSocketAddress address(DatagramSocket socket) {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends {@code data} as one datagram. */
    static void send(DatagramSocket socket, byte[] data, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(data, data.length, to));
    }

    /** The next datagram's bytes (whole: the buffer is bigger than any datagram), or null after {@code timeoutMs}. */
    static byte[] receive(DatagramSocket socket, int timeoutMs) {
        try {
            socket.setSoTimeout(timeoutMs);
            byte[] buffer = new byte[Udp.MAX_DATAGRAM + 1];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return Arrays.copyOf(buffer, packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next datagram {@code socket} receives, or null after {@code timeoutMs}; sooner once
     * {@code peerEnded} says the only peer that could send it has ended (returned or thrown: the
     * untouched starter's code throws at once). A datagram the peer sent before it ended is already
     * queued on loopback, and one short look finds it. The wait is for a datagram or for the
     * peer's end, never a fixed pause.
     */
    static byte[] receiveUnless(DatagramSocket socket, int timeoutMs, java.util.function.BooleanSupplier peerEnded) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            boolean ended = peerEnded.getAsBoolean();
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            int slice = (int) Math.min(ended ? LAST_LOOK_MS : SLICE_MS, left);
            byte[] got = receive(socket, slice);
            if (got != null || ended || slice >= left) {
                return got;
            }
        }
    }

    private static final int SLICE_MS = 50;
    private static final int LAST_LOOK_MS = 20;

    /** {@code n} bytes from a seeded generator. */
    static byte[] seededBytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Up to 16 bytes as hex, then how many more: {@code "68 65 6c 6c 6f"}. */
    /** The bytes of an ASCII text, as the tests send it. */
    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static String hex(byte[] data) {
        if (data == null) {
            return "(nothing)";
        }
        StringBuilder out = new StringBuilder(HexFormat.ofDelimiter(" ").formatHex(data, 0, Math.min(16, data.length)));
        if (data.length > 16) {
            out.append(" ... (").append(data.length).append(" bytes in all)");
        }
        return data.length == 0 ? "(0 bytes)" : out.toString();
    }

    /** Where two byte arrays first differ, for a failure message; empty if they are equal. */
    static String mismatch(byte[] expected, byte[] actual) {
        if (actual == null) {
            return "nothing arrived";
        }
        if (Arrays.equals(expected, actual)) {
            return "";
        }
        int i = 0;
        while (i < expected.length && i < actual.length && expected[i] == actual[i]) {
            i++;
        }
        return "expected " + expected.length + " bytes, got " + actual.length + "; they differ from offset " + i
                + ": expected " + hex(Arrays.copyOfRange(expected, i, Math.min(expected.length, i + 8)))
                + ", got " + hex(Arrays.copyOfRange(actual, i, Math.min(actual.length, i + 8)));
    }
}
