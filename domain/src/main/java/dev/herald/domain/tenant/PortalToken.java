package dev.herald.domain.tenant;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Sha256;
import dev.herald.domain.Violation;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A portal session's bearer token as handed out once (docs/API.md §2.4): {@code hps_} + 256 random bits. Only its
 * {@link #hash()} is stored; a presented token is looked up by its hash, which reveals nothing of other tokens.
 */
public record PortalToken(String value) {
    /** A session lasts an hour unless asked otherwise, and at most a day: it is a link, not a key. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    public static final Duration MAX_LIFETIME = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    public static PortalToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new PortalToken("hps_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public Hash hash() {
        return Hash.of(value);
    }

    /** {@code seconds} as a session's lifetime: 1 second to {@link #MAX_LIFETIME}. */
    public static Duration lifetime(long seconds) {
        if (seconds < 1 || seconds > MAX_LIFETIME.toSeconds()) {
            throw InvalidInputException.of("expiresInSeconds", Violation.Rule.OUT_OF_RANGE,
                    "expiresInSeconds must be between 1 and " + MAX_LIFETIME.toSeconds());
        }
        return Duration.ofSeconds(seconds);
    }

    @Override
    public String toString() {
        return "hps_…";
    }

    /** SHA-256 of a token, hex: what is stored and looked up. */
    public record Hash(String hex) {
        public static Hash of(String token) {
            return new Hash(Sha256.hex(token));
        }
    }
}
