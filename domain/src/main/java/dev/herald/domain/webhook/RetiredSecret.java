package dev.herald.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/** A replaced secret that still signs deliveries until {@code validUntil} (the rotation's grace period). */
public record RetiredSecret(WebhookSecret secret, Instant validUntil) {
    public RetiredSecret {
        Objects.requireNonNull(secret);
        Objects.requireNonNull(validUntil);
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(validUntil);
    }
}
