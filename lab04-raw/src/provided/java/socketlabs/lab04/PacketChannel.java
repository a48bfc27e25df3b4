package socketlabs.lab04;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;

/**
 * Where packets are sent and received at the IP layer. {@link RawSocket} is the real one; the
 * tests also use scripted channels that replay chosen packets, so that ping and the sniffer can
 * be checked without privileges. Provided, ready-made.
 */
public interface PacketChannel extends AutoCloseable {

    /**
     * Sends one packet. On a raw socket of protocol ICMP, UDP or TCP the packet is the transport
     * message only (an ICMP message, say): the kernel writes the IPv4 header in front of it.
     *
     * @param packet the bytes to send, from index 0
     * @param length how many bytes of {@code packet} to send
     * @param destination where to send it
     * @throws IOException if the packet cannot be sent
     */
    void send(byte[] packet, int length, Inet4Address destination) throws IOException;

    /**
     * Waits for one packet and copies it into {@code buffer}. On a raw socket what arrives is a
     * whole IPv4 packet, IPv4 header first. A packet longer than the buffer is cut to its size.
     *
     * @param buffer where to copy the packet, from index 0
     * @param timeout how long to wait at most; zero or negative means do not wait
     * @return the number of bytes copied, or -1 if nothing arrived within {@code timeout}
     * @throws IOException if receiving fails
     */
    int receive(byte[] buffer, Duration timeout) throws IOException;

    @Override
    void close() throws IOException;
}
