package dev.herald.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An event as its history lists it (docs/API.md §5.1): everything but its data, which may be large. */
public record StoredEvent(EventId id, EventType type, Instant createdDate, Optional<IdempotencyKey> idempotencyKey,
                          int deliveryCount) {
    public StoredEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(createdDate);
        Objects.requireNonNull(idempotencyKey);
    }
}
