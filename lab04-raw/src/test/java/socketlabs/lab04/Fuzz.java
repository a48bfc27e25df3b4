package socketlabs.lab04;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Feeds a parser seeded random and mutated input: random bytes, valid packets with bytes changed
 * (lengths and offsets especially), cut short, or placed inside a larger array. The only
 * exception the parser may throw is {@link MalformedPacketException}; the first other one fails
 * the test with the input that caused it. The same seed gives the same cases on every run.
 */
final class Fuzz {
    /** At least this many cases per codec. */
    static final int CASES = 100_000;

    /** Something that parses {@code data[offset .. offset+length)}. */
    interface Parser {
        void parse(byte[] data, int offset, int length) throws Exception;
    }

    private Fuzz() {
    }

    static void run(String what, long seed, List<byte[]> valid, Parser parser) {
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            byte[] input;
            int kind = random.nextInt(4);
            if (kind == 0 || valid.isEmpty()) {
                input = new byte[random.nextInt(100)];
                random.nextBytes(input);
            } else {
                byte[] base = valid.get(random.nextInt(valid.size()));
                input = Arrays.copyOf(base, base.length);
                if (kind == 1 || kind == 3) {
                    // change 1-4 bytes, mostly in the first 40 where the lengths and offsets are
                    for (int n = 1 + random.nextInt(4); n > 0 && input.length > 0; n--) {
                        int at = random.nextInt(random.nextBoolean() ? Math.min(40, input.length) : input.length);
                        input[at] = (byte) random.nextInt(256);
                    }
                }
                if (kind == 2 || kind == 3) {
                    input = Arrays.copyOf(input, random.nextInt(input.length + 1)); // cut short
                }
            }
            // half the time inside a larger array, so that offset and length matter
            int before = random.nextBoolean() ? random.nextInt(8) : 0;
            int after = random.nextBoolean() ? random.nextInt(8) : 0;
            byte[] data = new byte[before + input.length + after];
            random.nextBytes(data);
            System.arraycopy(input, 0, data, before, input.length);
            try {
                parser.parse(data, before, input.length);
            } catch (MalformedPacketException expected) {
                // the documented exception: fine
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                fail(what + " case " + i + " (seed " + seed + "): parsing the " + input.length + " bytes " + Hex.of(input)
                        + " (at offset " + before + " of a " + data.length + "-byte array) threw " + e
                        + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : "")
                        + ". For truncated or inconsistent input the only exception allowed is MalformedPacketException"
                        + " naming the field; check every length and offset against the bytes there are before reading.", e);
            }
        }
    }
}
