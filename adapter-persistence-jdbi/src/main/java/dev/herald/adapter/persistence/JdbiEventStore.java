package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.domain.ConflictException;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.event.StoredEvent;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
import dev.herald.domain.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    @Override
    public Optional<StoredEvent> find(TenantId tenant, EventId id) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + EventListSql.COLUMNS
                        + " FROM events WHERE id = :id AND tenant = :tenant")
                .bind("id", id.value())
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> stored(rs))
                .findOne());
    }

    @Override
    public Page<StoredEvent> list(TenantId tenant, EventQuery query) {
        EventListSql.Statement statement = EventListSql.statement(tenant, query);
        List<Row> rows = scope.inTransaction(h -> h.createQuery(statement.sql()).bindMap(statement.values())
                .map((rs, ctx) -> new Row(stored(rs), rs.getLong("seq")))
                .list());
        Page<Row> page = Page.of(rows, query.limit(), row -> ListPosition.at(row.event().createdDate(), row.seq()));
        return new Page<>(page.items().stream().map(Row::event).toList(), page.next());
    }

    private record Row(StoredEvent event, long seq) {
    }

    private static StoredEvent stored(ResultSet rs) throws SQLException {
        return new StoredEvent(new EventId(rs.getString("id")), EventType.valueOf(rs.getString("event_type")),
                SqlTime.read(rs, "created_date"),
                Optional.ofNullable(rs.getString("idempotency_key")).map(IdempotencyKey::new),
                rs.getInt("delivery_count"));
    }
}
