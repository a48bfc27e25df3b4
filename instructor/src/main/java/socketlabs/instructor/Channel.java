package socketlabs.instructor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed line protocol from a test JVM's {@link TestRunner} to the grader. Each event is one
 * line on the test JVM's standard output: {@code #grading SEQ PAYLOAD MAC}, where PAYLOAD is
 * Base64 JSON and MAC an HMAC-SHA256 of "SEQ PAYLOAD" under a key that the grader makes for
 * that one JVM and hands it on standard input, read before any student code runs. Lines that
 * do not verify (anything the student's code prints or forges) are ignored.
 */
final class Channel {
    static final String PREFIX = "#grading ";
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mac mac;
    private long sent;
    private long lastAccepted = -1;

    Channel(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** A fresh 256-bit key, one per test JVM. */
    static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The line that carries {@code json}, signed and numbered. */
    synchronized String sign(String json) {
        String body = (sent++) + " " + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return PREFIX + body + " " + mac(body);
    }

    /** The JSON a line carries if it is a genuine, fresh event of this channel; otherwise null. */
    synchronized String verify(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        if (f.length != 3) {
            return null;
        }
        String body = f[0] + " " + f[1];
        if (!java.security.MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                f[2].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        long seq;
        try {
            seq = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (seq <= lastAccepted) {
            return null; // a replayed line
        }
        lastAccepted = seq;
        try {
            return new String(Base64.getDecoder().decode(f[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String mac(String body) {
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
