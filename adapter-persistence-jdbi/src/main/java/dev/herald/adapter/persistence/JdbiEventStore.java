package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.domain.ConflictException;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Published events in {@code events}; the unique index on (tenant, idempotency_key) settles races. */
public final class JdbiEventStore implements ForStoringEvents {
    private final TransactionScope scope;

    JdbiEventStore(TransactionScope scope) {
        this.scope = scope;
    }

    @Override
    public void insert(Event event) {
        try {
            scope.inTransaction(h -> h.createUpdate("""
                            INSERT INTO events (id, tenant, event_type, data_json, created_date, idempotency_key,
                                                fingerprint, delivery_count)
                            VALUES (:id, :tenant, :type, :data, :created, :key, :fingerprint, :deliveryCount)""")
                    .bind("id", event.id().value())
                    .bind("tenant", event.tenant().value())
                    .bind("type", event.type().name())
                    .bind("data", event.data().json())
                    .bind("created", SqlTime.of(event.createdDate()))
                    .bind("key", event.idempotencyKey().map(IdempotencyKey::value).orElse(null))
                    .bind("fingerprint", event.fingerprint())
                    .bind("deliveryCount", event.deliveryCount())
                    .execute());
        } catch (ConflictException e) {
            throw new ConflictException("An event with this idempotency key already exists");
        }
    }

    @Override
    public Optional<Event> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return scope.inTransaction(h -> h.createQuery("""
                        SELECT id, event_type, data_json, created_date, fingerprint, delivery_count
                        FROM events WHERE tenant = :tenant AND idempotency_key = :key""")
                .bind("tenant", tenant.value())
                .bind("key", key.value())
                .map((rs, ctx) -> new Event(new EventId(rs.getString("id")), tenant,
                        EventType.valueOf(rs.getString("event_type")), new EventData(rs.getString("data_json")),
                        SqlTime.read(rs, "created_date"), Optional.of(key), rs.getString("fingerprint"),
                        rs.getInt("delivery_count")))
                .findOne());
    }

    @Override
    public Map<EventId, EventData> data(Collection<EventId> ids) {
        Map<EventId, EventData> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        scope.inTransaction(h -> h.createQuery("SELECT id, data_json FROM events WHERE id IN (<ids>)")
                .bindList("ids", ids.stream().map(EventId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(new EventId(rs.getString("id")), new EventData(rs.getString("data_json"))))
                .list())
                .forEach(row -> found.put(row.getKey(), row.getValue()));
        return found;
    }
}
