package dev.herald.adapter.http;

import dev.herald.adapter.http.ValidationErrorBody.Problem;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.event.EventQuery.SortDirection;
import dev.herald.domain.event.EventQuery;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query of {@code GET /v1/event/list} (docs/API.md §5.1, §10), parsed as the delivery list's; every bad value a
 * 422.
 */
final class EventListQuery {
    private static final QueryKind<SortDirection> SORT_DIRECTION = QueryKind.oneOf(Map.of(
            "asc", SortDirection.ASC,
            "desc", SortDirection.DESC));

    private EventListQuery() {
    }

    /** The list a cursor of this query was made for: the filters and order, not the page (§10). */
    static String list(EventQuery query) {
        return String.join(" ", "events", "type", query.eventType().toString(),
                "created", query.createdBefore() + "/" + query.createdAfter(), "by", query.sortDirection().toString());
    }

    static EventQuery from(Context ctx) {
        QueryFields query = new QueryFields(ctx);
        EventQuery defaults = EventQuery.all();
        var eventType = query.optional("event_type", QueryKind.EVENT_TYPE);
        var createdBefore = query.optional("created_before", QueryKind.DATE_TIME);
        var createdAfter = query.optional("created_after", QueryKind.DATE_TIME);
        SortDirection direction = query.optional("sort_direction", SORT_DIRECTION, defaults.sortDirection());
        int limit = query.optional("limit", QueryKind.INTEGER, defaults.limit());
        if (query.text("offset") != null && query.text(ListCursor.PARAMETER) == null) {
            query.add(new Problem(List.of("query", "offset"), "the event list pages by cursor only, not by offset",
                    "value_error.cursor"));
        }
        EventQuery result = null;
        try {
            result = new EventQuery(eventType, createdBefore, createdAfter, direction, limit, Optional.empty());
        } catch (InvalidInputException e) {
            query.addAll(e.violations());
        }
        EventQuery filtered = result;
        var after = ListCursor.read(query, () -> list(filtered), false);
        query.validate();
        return after.map(result::after).orElse(result);
    }
}
