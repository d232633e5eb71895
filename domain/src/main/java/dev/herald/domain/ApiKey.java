package dev.herald.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A tenant's API key as shown once to its owner: {@code hk_} + 256 random bits. Only {@link #hash()} is stored. */
public record ApiKey(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKey("hk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public ApiKeyHash hash() {
        return ApiKeyHash.of(value);
    }

    @Override
    public String toString() {
        return "hk_…";
    }

    /** SHA-256 of a key, hex; compares with a presented key in constant time. */
    public record ApiKeyHash(String hex) {
        static ApiKeyHash of(String key) {
            return new ApiKeyHash(HexFormat.of().formatHex(sha256(key)));
        }

        public boolean matches(String presentedKey) {
            return presentedKey != null
                    && MessageDigest.isEqual(HexFormat.of().parseHex(hex), sha256(presentedKey));
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
    }
}
