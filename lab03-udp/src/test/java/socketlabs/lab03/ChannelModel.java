package socketlabs.lab03;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * What a correct sender (Go-Back-N with a window; stop-and-wait is window 1) and a correct receiver
 * send through an {@link ImpairedChannel} with the same rates and seed, worked out without sockets:
 * the report page draws it beside the student's transfer through the channel.
 *
 * <p>The channel is modelled as it is written: each direction has its {@link Random} from the seed
 * ({@code seed} one way, {@code ~seed} the other), drawn three times a datagram (loss, duplicate,
 * reorder) in the order datagrams reach it; a datagram held back arrives {@code reorderDelay} later.
 * Time passes only by those hold-backs and the sender's timer: sending, relaying and answering take
 * no time, and a sender sends its whole window before it reads an ACK. The real reference run can
 * differ where the real clock decides which datagram is the n-th; the model shows what the protocol
 * does with the seed's fates, the same on every run.
 */
final class ChannelModel {
    private static final int MAX_EVENTS = 20_000;
    private static final int MAX_RECORDED = 400;

    private final int segments; // DATA 0 .. segments - 2, then the FIN
    private final int window;
    private final double timerMs;
    private final int maxTries;
    private final Impairments impairments;
    private final Random toReceiver;
    private final Random toSender;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final List<Map<String, Object>> sent = new ArrayList<>();
    private final List<Map<String, Object>> acks = new ArrayList<>();
    private long order;

    // the sender
    private int base;
    private int next;
    private int tries;
    private long timer; // which timer event is the live one
    private boolean done;
    // the receiver
    private int expected;
    private boolean finished;

    /** One thing that happens at a time: a datagram arrives (at the receiver or the sender), or the sender's timer runs out. */
    private record Event(double t, long order, Kind kind, int number, long timer) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(t, o.t);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private enum Kind { AT_RECEIVER, AT_SENDER, TIMER }

    private ChannelModel(int segments, int window, TransferConfig config, Impairments impairments, long seed) {
        this.segments = segments;
        this.window = window;
        this.timerMs = config.timeout().toNanos() / 1e6;
        this.maxTries = config.maxTries();
        this.impairments = impairments;
        this.toReceiver = new Random(seed);
        this.toSender = new Random(~seed);
    }

    /**
     * The reference's run for {@code bytes} bytes: {@code sent} [{t, seg, fate}] and {@code acks} [{t, n, fate}] as the channel
     * sees them (t in milliseconds from the first send; fate "dropped", "duplicated", "late" or ""), as a {@code "transfer"}
     * trace's {@code reference}.
     */
    static Map<String, Object> run(int bytes, int window, TransferConfig config, Impairments impairments, long seed) {
        int dataSegments = (bytes + config.segmentSize() - 1) / config.segmentSize();
        ChannelModel m = new ChannelModel(dataSegments + 1, window, config, impairments, seed);
        m.fill(0);
        for (int n = 0; n < MAX_EVENTS && !m.queue.isEmpty(); n++) {
            m.handle(m.queue.poll());
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("sent", m.sent);
        run.put("acks", m.acks);
        return run;
    }

    private void handle(Event e) {
        switch (e.kind) {
            case AT_RECEIVER -> {
                // ReliableReceiver: the segment numbered `expected` moves it on (a FIN ends the stream); every one gets ACK expected
                if (!finished && e.number == expected) {
                    finished = e.number == segments - 1;
                    expected++;
                }
                pass(e.t, false, expected);
            }
            case AT_SENDER -> {
                if (!done && e.number > base && e.number <= next) {
                    base = e.number; // cumulative
                    if (base == segments) {
                        done = true;
                        return;
                    }
                    tries = 1;
                    startTimer(e.t);
                    fill(e.t);
                }
            }
            case TIMER -> {
                if (done || e.timer != timer) {
                    return; // stopped or restarted since
                }
                if (tries == maxTries) {
                    done = true; // the sender gives up: an IOException
                    return;
                }
                for (int i = base; i < next; i++) {
                    pass(e.t, true, i);
                }
                tries++;
                startTimer(e.t);
            }
            default -> {
            }
        }
    }

    // sends what the window lets out
    private void fill(double t) {
        while (next < segments && next < base + window) {
            pass(t, true, next);
            if (next == base) {
                tries = 1;
                startTimer(t);
            }
            next++;
        }
    }

    private void startTimer(double t) {
        timer++;
        queue.add(new Event(t + timerMs, order++, Kind.TIMER, 0, timer));
    }

    /**
     * The next datagram's fate in a direction whose draws come from {@code random}, as {@link ImpairedChannel} decides it:
     * "dropped", "duplicated", "duplicated late", "late" or "" (delivered once, at once).
     */
    static String fate(Random random, Impairments impairments) {
        boolean drop = random.nextDouble() < impairments.loss();
        boolean twice = random.nextDouble() < impairments.duplicate();
        boolean late = random.nextDouble() < impairments.reorder();
        return drop ? "dropped" : twice && late ? "duplicated late" : twice ? "duplicated" : late ? "late" : "";
    }

    // a datagram through the channel: three draws in its direction, then dropped, or delivered once or twice, now or held back
    private void pass(double t, boolean toTheReceiver, int number) {
        String fate = fate(toTheReceiver ? toReceiver : toSender, impairments);
        boolean drop = fate.equals("dropped");
        boolean twice = fate.startsWith("duplicated");
        boolean late = fate.endsWith("late");
        List<Map<String, Object>> log = toTheReceiver ? sent : acks;
        if (sent.size() + acks.size() < MAX_RECORDED) {
            String shown = twice ? "duplicated" : fate; // as the channel's account names it
            log.add(toTheReceiver ? Map.of("t", t, "seg", number == segments - 1 ? "FIN " + number : String.valueOf(number), "fate", shown)
                    : Map.of("t", t, "n", number, "fate", shown));
        }
        if (drop) {
            return;
        }
        double at = t + (impairments.delay().toNanos() + (late ? impairments.reorderDelay().toNanos() : 0)) / 1e6;
        for (int i = 0; i < (twice ? 2 : 1); i++) {
            queue.add(new Event(at, order++, toTheReceiver ? Kind.AT_RECEIVER : Kind.AT_SENDER, number, 0));
        }
    }
}
