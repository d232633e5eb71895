package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.domain.ConflictException;
import dev.herald.domain.Page;
import dev.herald.domain.event.EventQuery.SortDirection;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.event.StoredEvent;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Events indexed by their idempotency key; synchronized. */
public final class InMemoryEventStore implements ForStoringEvents {
    private final Map<TenantKey, Event> byKey = TransactionalMap.over(new HashMap<>(), this);
    private final Map<EventId, Event> byId = TransactionalMap.over(new LinkedHashMap<>(), this); // insertion order

    private record TenantKey(TenantId tenant, IdempotencyKey key) {
    }

    @Override
    public synchronized void insert(Event event) {
        Optional<TenantKey> key = event.idempotencyKey().map(k -> new TenantKey(event.tenant(), k));
        if (key.isPresent() && byKey.containsKey(key.get())) {
            throw new ConflictException("An event with this idempotency key already exists");
        }
        if (byId.putIfAbsent(event.id(), event) != null) {
            throw new ConflictException("Event " + event.id() + " already exists");
        }
        key.ifPresent(k -> byKey.put(k, event));
    }

    @Override
    public synchronized Optional<Event> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return Optional.ofNullable(byKey.get(new TenantKey(tenant, key)));
    }

    @Override
    public synchronized Map<EventId, EventData> data(Collection<EventId> events) {
        Map<EventId, EventData> found = new HashMap<>();
        events.stream().map(byId::get).filter(Objects::nonNull).forEach(e -> found.put(e.id(), e.data()));
        return found;
    }

    @Override
    public synchronized Optional<StoredEvent> find(TenantId tenant, EventId id) {
        return Optional.ofNullable(byId.get(id)).filter(e -> e.tenant().equals(tenant)).map(InMemoryEventStore::stored);
    }

    @Override
    public synchronized Page<StoredEvent> list(TenantId tenant, EventQuery q) {
        Page<Event> page = InMemoryKeyset.page(List.copyOf(byId.values()),
                e -> e.tenant().equals(tenant)
                        && q.eventType().map(t -> t == e.type()).orElse(true)
                        && q.createdBefore().map(e.createdDate()::isBefore).orElse(true)
                        && q.createdAfter().map(e.createdDate()::isAfter).orElse(true),
                e -> Optional.of(e.createdDate()), q.sortDirection() == SortDirection.DESC, q.after(), 0, q.limit());
        return new Page<>(page.items().stream().map(InMemoryEventStore::stored).toList(), page.next());
    }

    private static StoredEvent stored(Event e) {
        return new StoredEvent(e.id(), e.type(), e.createdDate(), e.idempotencyKey(), e.deliveryCount());
    }

    /** The length of the event's data; 0 for an unknown event. */
    synchronized long dataLength(EventId event) {
        return Optional.ofNullable(byId.get(event)).map(e -> (long) e.data().json().length()).orElse(0L);
    }

    /**
     * Removes up to {@code max} events created before {@code before}, oldest first, except those {@code kept} (they
     * still have deliveries), with their idempotency keys; how many.
     */
    synchronized int removeCreatedBefore(Instant before, int max, Predicate<EventId> kept) {
        var oldest = byId.values().stream()
                .filter(e -> e.createdDate().isBefore(before) && !kept.test(e.id()))
                .sorted(Comparator.comparing(Event::createdDate))
                .limit(max)
                .toList();
        for (Event event : oldest) {
            byId.remove(event.id());
            event.idempotencyKey().ifPresent(k -> byKey.remove(new TenantKey(event.tenant(), k)));
        }
        return oldest.size();
    }

    /** How many events were stored (for tests). */
    public synchronized int count() {
        return byId.size();
    }
}
