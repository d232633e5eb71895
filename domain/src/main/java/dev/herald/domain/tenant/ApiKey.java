package dev.herald.domain.tenant;

import dev.herald.domain.Sha256;
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
            return new ApiKeyHash(Sha256.hex(key));
        }

        public boolean matches(String presentedKey) {
            return Sha256.sameDigest(HexFormat.of().parseHex(hex), presentedKey);
        }
    }
}
