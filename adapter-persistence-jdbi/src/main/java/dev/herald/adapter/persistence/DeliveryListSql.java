package dev.herald.adapter.persistence;

import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A {@link DeliveryQuery} as SQL: date bounds exclusive, {@code isDelivered} meaning a delivered date is set, the
 * error matched exactly, rows without the sorted date last in either direction, ties by insertion in the sort's
 * direction. The rows are read in that order from an index, up to the page ({@link DeliveryListOrder}), starting at
 * an offset or right after a position ({@link Keyset}).
 * Only fixed fragments are concatenated; every value is bound.
 */
final class DeliveryListSql {
    /** Before every date Herald stores: a lower bound that only steers H2's planner ({@link DeliveryListOrder}). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** After every date Herald stores: the dated part's upper bound, for the same reason. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private DeliveryListSql() {
    }

    /** The statement and the values it binds, apart so that a test can EXPLAIN exactly what runs. */
    record Statement(String sql, Map<String, Object> values) {
        Query bind(Handle handle) {
            return handle.createQuery(sql).bindMap(values);
        }
    }

    /** The page, read with one row more than it holds, and where the next page starts. */
    static Page<Delivery> page(Handle handle, TenantId tenant, WebhookId webhook, DeliveryQuery q) {
        List<Row> rows = statement(tenant, webhook, q).bind(handle)
                .map((rs, ctx) -> new Row(DeliveryRows.delivery(rs, ctx), rs.getLong("seq")))
                .list();
        Page<Row> page = Page.of(rows, q.limit(), row -> new ListPosition(q.sortDate(row.delivery()), row.seq()));
        return new Page<>(page.items().stream().map(Row::delivery).toList(), page.next());
    }

    private record Row(Delivery delivery, long seq) {
    }

    static Statement statement(TenantId tenant, WebhookId webhook, DeliveryQuery q) {
        Filters filters = new Filters()
                .add("tenant = :tenant", "tenant", Optional.of(tenant.value()))
                .add("webhook_id = :webhook", "webhook", Optional.of(webhook.value()))
                .add("event_type = :eventType", "eventType", q.eventType().map(Enum::name))
                .add("created_date < :createdBefore", "createdBefore", q.createdBefore().map(SqlTime::of))
                .add("created_date > :createdAfter", "createdAfter", q.createdAfter().map(SqlTime::of))
                .add("last_attempt_status = :lastStatus", "lastStatus", q.lastDeliveryAttemptStatus())
                .add("last_attempt_error = :lastError", "lastError", q.lastDeliveryAttemptError())
                .add("delivered_date < :deliveredBefore", "deliveredBefore", q.deliveryDateBefore().map(SqlTime::of))
                .add("delivered_date > :deliveredAfter", "deliveredAfter", q.deliveryDateAfter().map(SqlTime::of));
        q.isDelivered().ifPresent(d -> filters.conditions.add(
                d ? "delivered_date IS NOT NULL" : "delivered_date IS NULL"));

        String where = String.join(" AND ", filters.conditions);
        String direction = q.sortDirection() == DeliveryQuery.SortDirection.ASC ? "ASC" : "DESC";
        String sql = switch (q.sortBy()) {
            case CREATED_DATE -> DeliveryListOrder.byCreation(where, direction, q.eventType().isPresent(),
                    q.after().isPresent());
            case DELIVERED_DATE -> byOptionalDate(where, "delivered_date", direction, q.after());
            case LAST_DELIVERY_ATTEMPT_DATE -> byOptionalDate(where, "last_attempt_date", direction, q.after());
        };
        long read = q.limit() + 1L; // one row more than the page tells whether another page follows
        filters.values.put("earliest", SqlTime.of(EARLIEST));
        filters.values.put("limit", read);
        filters.values.put("offset", q.offset());
        if (q.sortBy() != DeliveryQuery.SortBy.CREATED_DATE) {
            filters.values.put("latest", SqlTime.of(LATEST));
            filters.values.put("reach", read + q.offset()); // each part reads up to the page's end
        }
        q.after().ifPresent(position -> {
            position.date().ifPresent(date -> filters.values.put("atDate", SqlTime.of(date)));
            filters.values.put("atSeq", position.seq());
        });
        return new Statement(sql, filters.values);
    }

    private static String byOptionalDate(String where, String column, String direction,
                                         Optional<ListPosition> after) {
        if (after.isEmpty()) {
            return DeliveryListOrder.byOptionalDate(where, column, direction);
        }
        return after.get().date().isPresent()
                ? DeliveryListOrder.byOptionalDateAfterDated(where, column, direction)
                : DeliveryListOrder.byOptionalDateAfterUndated(where, column, direction);
    }

    /** WHERE conditions and the values they bind, added together so that they cannot drift apart. */
    private static final class Filters {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> values = new LinkedHashMap<>();

        /** The condition, binding {@code value} as {@code name}, when the value is given. */
        Filters add(String condition, String name, Optional<?> value) {
            value.ifPresent(v -> {
                conditions.add(condition);
                values.put(name, v);
            });
            return this;
        }
    }
}
