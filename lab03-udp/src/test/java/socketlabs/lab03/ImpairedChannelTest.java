package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The provided channel's own checks. They carry no points (the channel is given ready-made, so
 * they pass from the start); they show what the channel does and that it is reproducible.
 */
@DisplayName("Task 3 · Impaired channel (provided)")
class ImpairedChannelTest {

    /** Sends datagrams "0", "1", ... from a client through a channel; returns what reached the target, in order. */
    private static List<Integer> relay(Impairments impairments, long seed, int count) throws Exception {
        try (DatagramSocket target = Loopback.socket(); DatagramSocket client = Loopback.socket();
                ImpairedChannel channel = ImpairedChannel.start(Loopback.address(target), impairments, seed)) {
            for (int i = 0; i < count; i++) {
                Loopback.send(client, String.valueOf(i).getBytes(StandardCharsets.US_ASCII), channel.address());
            }
            // the seed says how many datagrams get through: wait generously for those (a busy machine stalls), briefly for more
            int due = arrivals(impairments, seed, count);
            List<Integer> arrived = new ArrayList<>();
            for (byte[] d; (d = Loopback.receive(target, arrived.size() < due ? 3_000 : 300)) != null; ) {
                arrived.add(Integer.parseInt(new String(d, StandardCharsets.US_ASCII)));
            }
            return arrived;
        }
    }

    /** How many datagrams the channel delivers of {@code count}: the seed's draws, three per datagram, as the channel makes them. */
    private static int arrivals(Impairments impairments, long seed, int count) {
        Random random = new Random(seed);
        int arrivals = 0;
        for (int i = 0; i < count; i++) {
            boolean drop = random.nextDouble() < impairments.loss();
            boolean twice = random.nextDouble() < impairments.duplicate();
            random.nextDouble(); // reorder draw
            arrivals += drop ? 0 : twice ? 2 : 1;
        }
        return arrivals;
    }

    @Test
    @DisplayName("with no impairments, relays both ways unchanged: client to target, and the target's answer back")
    void relaysBothWays() throws Exception {
        try (EchoPeer target = EchoPeer.start(); DatagramSocket client = Loopback.socket();
                ImpairedChannel channel = ImpairedChannel.start(target.address(), Impairments.NONE, 1)) {
            byte[] hello = "hello through the channel".getBytes(StandardCharsets.US_ASCII);
            Loopback.send(client, hello, channel.address());
            assertArrayEquals(hello, Loopback.receive(client, 1_000), "the echo, relayed back to the client");
        }
    }

    @Test
    @DisplayName("drops the datagrams the seed picks: three draws per datagram, in arrival order")
    void dropsBySeed() throws Exception {
        Random random = new Random(11);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean drop = random.nextDouble() < 0.3;
            random.nextDouble(); // duplicate draw
            random.nextDouble(); // reorder draw
            if (!drop) {
                expected.add(i);
            }
        }
        assertEquals(expected, relay(Impairments.of(0.3, 0, 0), 11, 40));
    }

    @Test
    @DisplayName("the same seed gives the same fates on every run; another seed, others")
    void reproducible() throws Exception {
        Impairments lossy = Impairments.of(0.3, 0.2, 0);
        List<Integer> first = relay(lossy, 5, 40);
        assertEquals(first, relay(lossy, 5, 40));
        assertNotEquals(first, relay(lossy, 6, 40));
    }

    @Test
    @DisplayName("duplicate 1.0 delivers every datagram twice")
    void duplicates() throws Exception {
        assertEquals(List.of(0, 0, 1, 1, 2, 2), relay(Impairments.of(0, 1, 0), 1, 3));
    }

    @Test
    @DisplayName("reordered datagrams are held back and overtaken by later ones")
    void reorders() throws Exception {
        // held 500 ms: far longer than sending ten datagrams takes, even on a busy machine
        Impairments holdBack = Impairments.of(0, 0, 0.5).withReorderDelay(Duration.ofMillis(500));
        List<Integer> arrived = relay(holdBack, 3, 10);
        Random random = new Random(3);
        List<Integer> onTime = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            random.nextDouble();
            random.nextDouble();
            (random.nextDouble() < 0.5 ? late : onTime).add(i);
        }
        List<Integer> expected = new ArrayList<>(onTime);
        expected.addAll(late);
        assertEquals(expected, arrived, "the held-back datagrams " + late + " arrive after the others");
    }
}
