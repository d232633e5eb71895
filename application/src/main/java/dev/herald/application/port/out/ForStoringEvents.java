package dev.herald.application.port.out;

import dev.herald.domain.Page;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.StoredEvent;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Published events, findable by their idempotency key, listable newest or oldest first. */
public interface ForStoringEvents {
    /** @throws dev.herald.domain.ConflictException if the tenant already has an event with this idempotency key */
    void insert(Event event);

    Optional<Event> findByIdempotencyKey(TenantId tenant, IdempotencyKey key);

    /** The data of each given event that exists, each read once however often its id is given. */
    Map<EventId, EventData> data(Collection<EventId> events);

    /** The tenant's event with this id, without its data (read that with {@link #data}). */
    Optional<StoredEvent> find(TenantId tenant, EventId id);

    /** The tenant's events as the query asks, without their data, and where the next page starts if there are more. */
    Page<StoredEvent> list(TenantId tenant, EventQuery query);
}
