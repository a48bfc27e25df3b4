package socketlabs.lab04;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A raw IPv4 socket: {@code socket(AF_INET, SOCK_RAW, protocol)} through JNA (Linux only). The
 * JDK has no raw sockets, so the lab gives this small binding ready-made; the protocol work is
 * yours. Provided, ready-made: nothing to write here.
 *
 * <p>What the kernel does with a raw socket of protocol P (see {@code man 7 raw}): it sends what
 * you give it as the payload of an IPv4 packet of protocol P, writing the IPv4 header itself; it
 * hands the socket a copy of every IPv4 packet of protocol P that this host receives, IPv4
 * header included, besides delivering it as usual. On loopback every packet sent is also received,
 * so a raw ICMP socket sees our own echo requests as well as the replies.
 *
 * <p>Opening one needs the capability CAP_NET_RAW (root has it). Every failed native call is an
 * {@link IOException} that says which call failed, the errno and its meaning; it never crashes
 * the JVM.
 *
 * <pre>{@code
 * try (RawSocket icmp = RawSocket.open(RawSocket.IPPROTO_ICMP)) {
 *     icmp.send(message, message.length, (Inet4Address) InetAddress.getByName("127.0.0.1"));
 *     int n = icmp.receive(buffer, Duration.ofSeconds(1));   // -1: nothing within 1 s
 * }
 * }</pre>
 */
public final class RawSocket implements PacketChannel {
    /** Protocol numbers (IANA), as in the IPv4 header's protocol field. */
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;

    // Linux values from <sys/socket.h>, <poll.h>, <errno.h>
    private static final int AF_INET = 2;
    private static final int SOCK_RAW = 3;
    private static final short POLLIN = 0x1;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EPERM = 1;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;

    static final String HOW_TO_RUN = "run as root (sudo ./mvnw test -pl lab04-raw -am) or give the JVM the capability:"
            + " sudo setcap cap_net_raw+ep \"$(readlink -f \"$(command -v java)\")\"";

    /** The C library functions the binding calls; {@code throws LastErrorException} makes JNA read errno. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLen) throws LastErrorException;

        NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

        int poll(byte[] fds, NativeLong nfds, int timeoutMillis) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        String strerror(int errnum);
    }

    /** Loaded on first use, so that a missing native library is an exception we can catch, not a failed class. */
    private static final class Loaded {
        static final LibC C = Native.load("c", LibC.class);
    }

    private final int fd;
    private final int protocol;
    private boolean closed;

    private RawSocket(int fd, int protocol) {
        this.fd = fd;
        this.protocol = protocol;
    }

    /**
     * Opens a raw IPv4 socket.
     *
     * @param protocol the IP protocol to send and receive: {@link #IPPROTO_ICMP}, {@link #IPPROTO_TCP},
     *     {@link #IPPROTO_UDP} or another number 1-255
     * @return the open socket; close it (try-with-resources)
     * @throws IOException if the socket cannot be opened; without CAP_NET_RAW the message reads
     *     "socket(AF_INET, SOCK_RAW, 1) failed: errno 1, Operation not permitted: raw sockets need
     *     CAP_NET_RAW; run as root ..."
     */
    public static RawSocket open(int protocol) throws IOException {
        if (protocol < 1 || protocol > 255) {
            throw new IllegalArgumentException("protocol " + protocol + " is outside 1-255");
        }
        if (!Platform.isLinux()) {
            throw new IOException("raw sockets in this lab need Linux; this is " + System.getProperty("os.name"));
        }
        LibC c = libc();
        try {
            return new RawSocket(c.socket(AF_INET, SOCK_RAW, protocol), protocol);
        } catch (LastErrorException e) {
            throw failure("socket(AF_INET, SOCK_RAW, " + protocol + ")", e.getErrorCode());
        }
    }

    /**
     * Tells why raw sockets cannot be used here, if they cannot: not Linux, the native library
     * would not load, or no CAP_NET_RAW. Tests that need raw sockets skip with this reason.
     *
     * @return empty if a raw ICMP socket can be opened, else one line that says why not
     */
    public static Optional<String> unavailableReason() {
        try {
            open(IPPROTO_ICMP).close();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The protocol this socket was opened for. */
    public int protocol() {
        return protocol;
    }

    @Override
    public synchronized void send(byte[] packet, int length, Inet4Address destination) throws IOException {
        Objects.checkFromIndexSize(0, length, packet.length);
        ensureOpen();
        byte[] sockaddr = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putShort((short) AF_INET)  // sin_family, host byte order
                .putShort((short) 0)        // sin_port: raw sockets have none
                .put(destination.getAddress()) // sin_addr, already in network byte order
                .array();
        try {
            libc().sendto(fd, packet, new NativeLong(length), 0, sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw failure("sendto(" + destination.getHostAddress() + ", " + length + " bytes)", e.getErrorCode());
        }
    }

    @Override
    public int receive(byte[] buffer, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            ensureOpen();
            long left = deadline - System.nanoTime();
            // poll() counts whole milliseconds: round up so that a short wait is not a busy loop
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (left + 999_999) / 1_000_000));
            byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(POLLIN).putShort((short) 0).array();
            int ready;
            try {
                ready = libc().poll(pollfd, new NativeLong(1), millis);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                throw failure("poll()", e.getErrorCode());
            }
            if (ready == 0) {
                return -1;
            }
            try {
                return libc().recv(fd, buffer, new NativeLong(buffer.length), MSG_DONTWAIT).intValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR || e.getErrorCode() == EAGAIN) {
                    if (System.nanoTime() - deadline >= 0) {
                        return -1;
                    }
                    continue;
                }
                throw failure("recv()", e.getErrorCode());
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc().close(fd);
        } catch (LastErrorException e) {
            throw failure("close()", e.getErrorCode());
        }
    }

    private synchronized void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the raw socket is closed");
        }
    }

    private static LibC libc() throws IOException {
        try {
            return Loaded.C;
        } catch (LinkageError e) {
            throw new IOException("the C library could not be loaded through JNA: " + e, e);
        }
    }

    /** One message for every failed call: the call, errno, its meaning, and what to do about it. */
    private static IOException failure(String call, int errno) {
        String meaning;
        try {
            meaning = libc().strerror(errno);
        } catch (IOException | RuntimeException e) {
            meaning = "unknown error";
        }
        String hint = errno == EPERM || errno == EACCES ? ": raw sockets need CAP_NET_RAW; " + HOW_TO_RUN : "";
        return new NativeCallException(call + " failed: errno " + errno + ", " + meaning + hint, errno);
    }

    /** A native call that failed, with its errno. */
    public static final class NativeCallException extends IOException {
        private static final long serialVersionUID = 1L;

        private final int errno;

        NativeCallException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        /** The C errno the call set (1 = EPERM, 13 = EACCES, ...). */
        public int errno() {
            return errno;
        }
    }
}
