package dev.herald.adapter.persistence;

import dev.herald.application.port.in.DeliveryQuery;
import dev.herald.domain.TenantId;
import dev.herald.domain.WebhookId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A {@link DeliveryQuery} as SQL: date bounds exclusive, {@code isDelivered} meaning a delivered date is set, the
 * error matched exactly, rows without the sorted date last in either direction, ties in insertion order.
 * Only fixed fragments are concatenated; every value is bound.
 */
final class DeliveryListSql {
    private DeliveryListSql() {
    }

    static Query query(Handle handle, TenantId tenant, WebhookId webhook, DeliveryQuery q) {
        List<String> where = new ArrayList<>(List.of("tenant = :tenant", "webhook_id = :webhook"));
        q.eventType().ifPresent(t -> where.add("event_type = :eventType"));
        q.isDelivered().ifPresent(d -> where.add(d ? "delivered_date IS NOT NULL" : "delivered_date IS NULL"));
        q.createdBefore().ifPresent(t -> where.add("created_date < :createdBefore"));
        q.createdAfter().ifPresent(t -> where.add("created_date > :createdAfter"));
        q.lastDeliveryAttemptStatus().ifPresent(s -> where.add("last_attempt_status = :lastStatus"));
        q.lastDeliveryAttemptError().ifPresent(e -> where.add("last_attempt_error = :lastError"));
        q.deliveryDateBefore().ifPresent(t -> where.add("delivered_date < :deliveredBefore"));
        q.deliveryDateAfter().ifPresent(t -> where.add("delivered_date > :deliveredAfter"));

        String direction = q.sortDirection() == DeliveryQuery.SortDirection.ASC ? "ASC" : "DESC";
        String sortColumn = switch (q.sortBy()) {
            case CREATED_DATE -> "created_date";
            case DELIVERED_DATE -> "delivered_date";
            case LAST_DELIVERY_ATTEMPT_DATE -> "last_attempt_date";
        };
        Query query = handle.createQuery("SELECT " + DeliveryRows.DELIVERY_COLUMNS + " FROM deliveries"
                        + " WHERE " + String.join(" AND ", where)
                        + " ORDER BY " + sortColumn + " " + direction + " NULLS LAST, seq " + direction
                        + " LIMIT :limit OFFSET :offset")
                .bind("tenant", tenant.value())
                .bind("webhook", webhook.value())
                .bind("limit", q.limit())
                .bind("offset", q.offset());
        q.eventType().ifPresent(t -> query.bind("eventType", t.name()));
        q.createdBefore().ifPresent(t -> query.bind("createdBefore", SqlTime.of(t)));
        q.createdAfter().ifPresent(t -> query.bind("createdAfter", SqlTime.of(t)));
        q.lastDeliveryAttemptStatus().ifPresent(s -> query.bind("lastStatus", s));
        q.lastDeliveryAttemptError().ifPresent(e -> query.bind("lastError", e));
        q.deliveryDateBefore().ifPresent(t -> query.bind("deliveredBefore", SqlTime.of(t)));
        q.deliveryDateAfter().ifPresent(t -> query.bind("deliveredAfter", SqlTime.of(t)));
        return query;
    }
}
