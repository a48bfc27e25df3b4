package socketlabs.lab04;

import java.util.HexFormat;

/** Bytes as hex for failure messages ("45 00 00 54 ..."), and hex text back to bytes. */
final class Hex {
    private static final int SHOWN = 96;

    private Hex() {
    }

    /** The bytes as "45 00 00 54", cut after 96 bytes. */
    static String of(byte[] b) {
        return of(b, 0, b.length);
    }

    static String of(byte[] b, int offset, int length) {
        StringBuilder s = new StringBuilder(HexFormat.ofDelimiter(" ").formatHex(b, offset, offset + Math.min(length, SHOWN)));
        if (length > SHOWN) {
            s.append(" ... (").append(length).append(" bytes)");
        }
        return s.toString();
    }

    /** "45 00 00 54" (spaces optional) to bytes. */
    static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String u16(int value) {
        return String.format("0x%04x", value);
    }
}
