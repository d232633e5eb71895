package dev.herald.adapter.persistence;

import dev.herald.domain.event.EventQuery;
import dev.herald.domain.event.EventQuery.SortDirection;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EventQuery} as SQL, read in its order from an index of V7 and stopping at the page, so that a page costs
 * the same however many events the tenant published (docs/DECISIONS.md, "The event history and cursor paging"). As
 * for the delivery list ({@link DeliveryListOrder}), the ORDER BY repeats the index's leading columns and the date is
 * bounded from below by {@code :earliest}, both for H2's planner. Only fixed fragments are concatenated.
 */
final class EventListSql {
    /** Before every date Herald stores: a lower bound that only steers H2's planner. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final String COLUMNS = "id, seq, event_type, created_date, idempotency_key, delivery_count";

    private EventListSql() {
    }

    /** The statement and the values it binds, apart so that a test can EXPLAIN exactly what runs. */
    record Statement(String sql, Map<String, Object> values) {
    }

    static Statement statement(TenantId tenant, EventQuery q) {
        List<String> conditions = new ArrayList<>(List.of("tenant = :tenant", "created_date > :earliest"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tenant", tenant.value());
        values.put("earliest", SqlTime.of(EARLIEST));
        q.eventType().ifPresent(type -> {
            conditions.add("event_type = :eventType");
            values.put("eventType", type.name());
        });
        q.createdBefore().ifPresent(before -> {
            conditions.add("created_date < :createdBefore");
            values.put("createdBefore", SqlTime.of(before));
        });
        q.createdAfter().ifPresent(after -> {
            conditions.add("created_date > :createdAfter");
            values.put("createdAfter", SqlTime.of(after));
        });
        String direction = q.sortDirection() == SortDirection.ASC ? "ASC" : "DESC";
        q.after().ifPresent(position -> {
            conditions.add(Keyset.after("created_date", direction));
            values.put("atDate", SqlTime.of(position.date().orElseThrow()));
            values.put("atSeq", position.seq());
        });
        String index = q.eventType().isPresent()
                ? "tenant, event_type, created_date, seq"
                : "tenant, created_date, seq";
        values.put("limit", q.limit() + 1L); // one row more than the page tells whether another page follows
        String sql = "SELECT " + COLUMNS + " FROM events WHERE " + String.join(" AND ", conditions)
                + " ORDER BY " + String.join(" " + direction + ", ", index.split(", ")) + " " + direction
                + " LIMIT :limit";
        return new Statement(sql, values);
    }

}
