package dev.herald.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text's UTF-8 bytes: for keys that are stored or compared only as digests, and for fingerprints. */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }

    /** Whether two texts have the same digest, in time independent of their content and length. */
    public static boolean sameDigest(byte[] expectedDigest, String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, of(presented));
    }
}
