package dev.herald.domain.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes webhook secrets: {@code whsec_} + base64 of 32 bytes from {@link SecureRandom}. */
public final class SecretGenerator {
    private static final int SECRET_BYTES = 32;
    private final SecureRandom random;

    public SecretGenerator() {
        this(new SecureRandom());
    }

    public SecretGenerator(SecureRandom random) {
        this.random = random;
    }

    public WebhookSecret next() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret(WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(bytes));
    }
}
