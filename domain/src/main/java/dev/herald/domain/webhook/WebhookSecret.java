package dev.herald.domain.webhook;

import java.util.Base64;

/** A signing secret: {@code whsec_} followed by the base64 of random bytes. */
public record WebhookSecret(String value) {
    public static final String PREFIX = "whsec_";

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        try {
            Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " followed by base64", e);
        }
    }

    public static WebhookSecret generate(SecretGenerator generator) {
        return generator.next();
    }

    /** The HMAC key of the Standard Webhooks scheme: the decoded part after {@code whsec_}. */
    public byte[] standardKey() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    /** Never print a secret by accident. */
    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
