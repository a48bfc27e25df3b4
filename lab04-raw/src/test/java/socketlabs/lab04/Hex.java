package socketlabs.lab04;

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
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(length, SHOWN); i++) {
            s.append(i == 0 ? "" : " ").append(String.format("%02x", b[offset + i] & 0xFF));
        }
        if (length > SHOWN) {
            s.append(" ... (").append(length).append(" bytes)");
        }
        return s.toString();
    }

    /** "45 00 00 54" (spaces optional) to bytes. */
    static byte[] parse(String hex) {
        String h = hex.replaceAll("\\s", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    static String u16(int value) {
        return String.format("0x%04x", value);
    }
}
