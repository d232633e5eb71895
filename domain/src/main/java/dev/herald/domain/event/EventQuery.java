package dev.herald.domain.event;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Filters, order and page of a tenant's event history (docs/API.md §5.1); pages by position, never by offset. */
public record EventQuery(
        Optional<EventType> eventType,
        Optional<Instant> createdBefore,
        Optional<Instant> createdAfter,
        SortDirection sortDirection,
        int limit,
        Optional<ListPosition> after) {

    public EventQuery {
        Objects.requireNonNull(eventType);
        Objects.requireNonNull(createdBefore);
        Objects.requireNonNull(createdAfter);
        Objects.requireNonNull(sortDirection);
        Objects.requireNonNull(after);
        if (limit < 1 || limit > DeliveryQuery.MAX_LIMIT) {
            throw InvalidInputException.of("limit", Violation.Rule.OUT_OF_RANGE,
                    "limit must be between 1 and " + DeliveryQuery.MAX_LIMIT);
        }
        if (after.isPresent() && after.get().date().isEmpty()) {
            throw new IllegalArgumentException("every event has a creation date");
        }
    }

    /** Everything, newest first, first page. */
    public static EventQuery all() {
        return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), SortDirection.DESC,
                DeliveryQuery.DEFAULT_LIMIT, Optional.empty());
    }

    public EventQuery after(ListPosition position) {
        return new EventQuery(eventType, createdBefore, createdAfter, sortDirection, limit, Optional.of(position));
    }

    public EventQuery withLimit(int newLimit) {
        return new EventQuery(eventType, createdBefore, createdAfter, sortDirection, newLimit, after);
    }
}
