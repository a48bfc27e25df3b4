package socketlabs.lab04;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** IPv4 addresses from bytes and from text, without checked exceptions. Provided, ready-made. */
public final class Addresses {
    /** 127.0.0.1, the loopback address every live test talks to. */
    public static final Inet4Address LOOPBACK = ipv4("127.0.0.1");

    private Addresses() {
    }

    /** The IPv4 address in the 4 bytes {@code b[offset .. offset+4)}, network byte order. */
    public static Inet4Address ipv4(byte[] b, int offset) {
        Objects.checkFromIndexSize(offset, 4, b.length);
        byte[] four = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always an IPv4 address", e);
        }
    }

    /** The IPv4 address written in dotted decimal, like "127.0.0.1" (no name look-up). */
    public static Inet4Address ipv4(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
        }
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            int n = Integer.parseInt(parts[i]);
            if (n < 0 || n > 255) {
                throw new IllegalArgumentException("not a dotted IPv4 address: " + dotted);
            }
            four[i] = (byte) n;
        }
        return ipv4(four, 0);
    }
}
