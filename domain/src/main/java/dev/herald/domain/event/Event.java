package dev.herald.domain.event;

import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened at a tenant, published once and delivered to every subscribed webhook.
 * {@code fingerprint} identifies the request body, so a reused idempotency key with another body is a conflict.
 */
public record Event(
        EventId id,
        TenantId tenant,
        EventType type,
        EventData data,
        Instant createdDate,
        Optional<IdempotencyKey> idempotencyKey,
        String fingerprint,
        int deliveryCount) {

    public Event {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(type);
        Objects.requireNonNull(data);
        Objects.requireNonNull(createdDate);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(fingerprint);
    }
}
