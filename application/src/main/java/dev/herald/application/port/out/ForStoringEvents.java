package dev.herald.application.port.out;

import dev.herald.domain.Event;
import dev.herald.domain.IdempotencyKey;
import dev.herald.domain.TenantId;
import java.util.Optional;

/** Published events, findable by their idempotency key. */
public interface ForStoringEvents {
    /** @throws dev.herald.domain.ConflictException if the tenant already has an event with this idempotency key */
    void insert(Event event);

    Optional<Event> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);
}
