package socketlabs.lab02;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Bytes as students need to see them in a failure message: hex, with the first difference pointed out. */
final class Hex {
    private static final int SHOWN = 16;

    private Hex() {
    }

    /** Up to 16 bytes from {@code from} as "68 65 6c 6c 6f", with "..." when there are more. */
    static String of(byte[] bytes, int from) {
        int start = Math.max(0, from);
        int end = Math.min(bytes.length, from + SHOWN);
        StringBuilder out = new StringBuilder(start < end ? HexFormat.ofDelimiter(" ").formatHex(bytes, start, end) : "");
        if (end < bytes.length) {
            out.append(" ...");
        }
        return out.length() == 0 ? "(none)" : out.toString();
    }

    static String of(byte[] bytes) {
        return of(bytes, 0);
    }

    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when equal; otherwise where and how {@code actual} first differs from {@code expected}. */
    static String difference(byte[] expected, byte[] actual) {
        int common = Math.min(expected.length, actual.length);
        for (int i = 0; i < common; i++) {
            if (expected[i] != actual[i]) {
                int from = Math.max(0, i - 4);
                return "first difference at byte " + i + " of " + expected.length + ": expected "
                        + HexFormat.of().toHexDigits(expected[i]) + ", got " + HexFormat.of().toHexDigits(actual[i])
                        + " (from byte " + from + " expected [" + of(expected, from) + "], got [" + of(actual, from) + "])";
            }
        }
        if (expected.length != actual.length) {
            return "expected " + expected.length + " bytes, got " + actual.length + " (the first " + common
                    + " match; " + (actual.length > expected.length ? "extra bytes: [" + of(actual, common) + "]"
                    : "missing bytes: [" + of(expected, common) + "]") + ")";
        }
        return null;
    }
}
