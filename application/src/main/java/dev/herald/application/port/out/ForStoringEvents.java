package dev.herald.application.port.out;

import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Published events, findable by their idempotency key. */
public interface ForStoringEvents {
    /** @throws dev.herald.domain.ConflictException if the tenant already has an event with this idempotency key */
    void insert(Event event);

    Optional<Event> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /** The data of each given event that exists, each read once however often its id is given. */
    Map<EventId, EventData> data(Collection<EventId> events);
}
