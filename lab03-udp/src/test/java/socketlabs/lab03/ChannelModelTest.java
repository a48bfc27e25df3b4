package socketlabs.lab03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model of a correct transfer through the seeded channel ({@link ChannelModel}) that the report
 * page draws beside the student's. Like the channel's own checks they carry no points: they pass
 * from the start, and show that the reference drawn is the channel's and the protocol's.
 */
@DisplayName("Task 3 · Impaired channel (provided)")
class ChannelModelTest {
    private static final TransferConfig CONFIG = Transfers.CONFIG;

    @SuppressWarnings("unchecked")
    private static List<String> sent(Map<String, Object> run) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) run.get("sent")) {
            out.add(m.get("seg") + ("".equals(m.get("fate")) ? "" : " " + m.get("fate")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> acks(Map<String, Object> run) {
        return (List<Map<String, Object>>) run.get("acks");
    }

    @Test
    @DisplayName("the model draws each datagram's fate as the channel does: the same seed, the same fates, in the same order")
    void fatesAreTheChannels() throws Exception {
        Impairments impairments = Impairments.of(0.3, 0.2, 0.2);
        long seed = 13;
        int count = 40;
        List<String> logged = new ArrayList<>();
        Pattern line = Pattern.compile("-> #\\d+ .*: (dropped|duplicated|delivered)(, held back.*)?");
        try (DatagramSocket target = Loopback.socket(); DatagramSocket client = Loopback.socket();
                ImpairedChannel channel = ImpairedChannel.start(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                        Loopback.address(target), impairments, seed, l -> {
                            synchronized (logged) {
                                logged.add(l);
                            }
                        })) {
            for (int i = 0; i < count; i++) {
                Loopback.send(client, new byte[] {(byte) i}, channel.address());
            }
            Wait.until(Duration.ofSeconds(5), () -> {
                synchronized (logged) {
                    return logged.size() == count;
                }
            }, () -> "the channel told the fate of " + logged.size() + " of " + count + " datagrams");
        }
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            String fate = ChannelModel.fate(random, impairments);
            Matcher m = line.matcher(logged.get(i));
            assertTrue(m.matches(), logged.get(i));
            String channelFate = m.group(1).equals("delivered") ? (m.group(2) != null ? "late" : "")
                    : m.group(1) + (m.group(1).equals("duplicated") && m.group(2) != null ? " late" : "");
            int n = i;
            assertEquals(channelFate, fate, () -> "datagram " + n + ": the channel said \"" + logged.get(n) + "\"");
        }
    }

    @Test
    @DisplayName("with no impairments, the reference sends each segment once and every ACK comes back: 0, 1, 2, FIN 3")
    void cleanChannel() {
        Map<String, Object> run = ChannelModel.run(1_200, 4, CONFIG, Impairments.NONE, 1);
        assertEquals(List.of("0", "1", "2", "FIN 3"), sent(run));
        assertEquals(List.of(1, 2, 3, 4), acks(run).stream().map(a -> a.get("n")).toList());
    }

    @Test
    @DisplayName("through a channel that drops everything, the reference sends its window maxTries times, a timer apart, then gives up")
    void givesUp() {
        TransferConfig config = new TransferConfig(500, Duration.ofMillis(25), 3);
        Map<String, Object> run = ChannelModel.run(5_000, 4, config, Impairments.of(1.0, 0, 0), 7);
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                expected.add(i + " dropped");
            }
        }
        assertEquals(expected, sent(run));
        assertTrue(acks(run).isEmpty());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sends = (List<Map<String, Object>>) run.get("sent");
        assertEquals(List.of(0.0, 25.0, 50.0), List.of(sends.get(0).get("t"), sends.get(4).get("t"), sends.get(8).get("t")),
                "each round one timer after the last");
    }

    @Test
    @DisplayName("for the seeds the transfer tests use, the reference completes: its FIN is acknowledged, and the same seed gives the same run")
    void referenceCompletesForTheTestsSeeds() {
        Object[][] cases = {{1, 0.0}, {2, 0.1}, {3, 0.3}, {11, 0.0}, {12, 0.1}, {13, 0.3}, {99, 0.2}};
        for (Object[] c : cases) {
            long seed = ((Integer) c[0]).longValue();
            int window = seed < 10 ? 1 : seed == 99 ? 5 : 6;
            Impairments impairments = seed == 99 ? Impairments.of(0.2, 0.15, 0.15) : Impairments.of((Double) c[1], 0.1, 0.1);
            int bytes = seed == 99 ? 7_777 : 12_000;
            Map<String, Object> run = ChannelModel.run(bytes, window, CONFIG, impairments, seed);
            int segments = (bytes + CONFIG.segmentSize() - 1) / CONFIG.segmentSize() + 1;
            assertTrue(sent(run).stream().anyMatch(s -> s.startsWith("FIN " + (segments - 1))), "seed " + seed + ": " + sent(run));
            assertTrue(acks(run).stream().anyMatch(a -> a.get("n").equals(segments) && !"dropped".equals(a.get("fate"))),
                    () -> "seed " + seed + ": the ACK of the FIN reaches the sender: " + acks(run));
            assertEquals(run, ChannelModel.run(bytes, window, CONFIG, impairments, seed), "seed " + seed + ": deterministic");
        }
    }
}
