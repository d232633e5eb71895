package dev.herald.adapter.http;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.delivery.DeliveryQuery.SortBy;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.webhook.WebhookId;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The query of {@code GET /v1/webhook/{webhook_id}/delivery-attempts/list} (docs/API.md §6.7, §10), every bad value
 * a 422.
 */
final class DeliveryListQuery {
    private static final QueryKind<SortBy> SORT_BY = QueryKind.oneOf(Map.of(
            "created_date", SortBy.CREATED_DATE,
            "delivered_date", SortBy.DELIVERED_DATE,
            "last_delivery_attempt_date", SortBy.LAST_DELIVERY_ATTEMPT_DATE));
    private static final QueryKind<SortDirection> SORT_DIRECTION = QueryKind.oneOf(Map.of(
            "asc", SortDirection.ASC,
            "desc", SortDirection.DESC));

    private DeliveryListQuery() {
    }

    /** The list a cursor of this query was made for: the webhook, filters and order, not the page (§10). */
    static String list(WebhookId webhook, DeliveryQuery query) {
        return String.join(" ", "deliveries of", webhook.value(), "type", query.eventType().toString(),
                "delivered", query.isDelivered().toString(),
                "created", query.createdBefore() + "/" + query.createdAfter(),
                "status", query.lastDeliveryAttemptStatus().toString(),
                "error", query.lastDeliveryAttemptError().toString(),
                "delivery", query.deliveryDateBefore() + "/" + query.deliveryDateAfter(),
                "by", query.sortBy() + " " + query.sortDirection());
    }

    static DeliveryQuery from(Context ctx, WebhookId webhook) {
        QueryFields query = new QueryFields(ctx);
        DeliveryQuery defaults = DeliveryQuery.all();
        var eventType = query.optional("event_type", QueryKind.EVENT_TYPE);
        var isDelivered = query.optional("is_delivered", QueryKind.BOOLEAN);
        var createdBefore = query.optional("created_before", QueryKind.DATE_TIME);
        var createdAfter = query.optional("created_after", QueryKind.DATE_TIME);
        var lastStatus = query.optional("last_delivery_attempt_status", QueryKind.INTEGER);
        var lastError = query.optional("last_delivery_attempt_error", QueryKind.TEXT);
        var deliveredBefore = query.optional("delivery_date_before", QueryKind.DATE_TIME);
        var deliveredAfter = query.optional("delivery_date_after", QueryKind.DATE_TIME);
        SortBy sortBy = query.optional("sort_by", SORT_BY, defaults.sortBy());
        SortDirection direction = query.optional("sort_direction", SORT_DIRECTION, defaults.sortDirection());
        int limit = query.optional("limit", QueryKind.INTEGER, defaults.limit());
        int offset = query.optional("offset", QueryKind.INTEGER, defaults.offset());
        DeliveryQuery result = null;
        try {
            // The range rules of limit and offset are the query's own; their violations join the parse problems.
            result = new DeliveryQuery(eventType, isDelivered, createdBefore, createdAfter, lastStatus, lastError,
                    deliveredBefore, deliveredAfter, sortBy, direction, limit, offset);
        } catch (InvalidInputException e) {
            query.addAll(e.violations());
        }
        DeliveryQuery filtered = result;
        var after = ListCursor.read(query, () -> list(webhook, filtered), sortBy != SortBy.CREATED_DATE);
        query.validate();
        return after.map(result::after).orElse(result);
    }
}
