package dev.herald.domain.event;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Violation;
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

    /** As the delivery list's (docs/API.md §6.7). */
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    /** Oldest or newest first. */
    public enum SortDirection { ASC, DESC }

    public EventQuery {
        Objects.requireNonNull(eventType);
        Objects.requireNonNull(createdBefore);
        Objects.requireNonNull(createdAfter);
        Objects.requireNonNull(sortDirection);
        Objects.requireNonNull(after);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", Violation.Rule.OUT_OF_RANGE,
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        if (after.isPresent() && after.get().date().isEmpty()) {
            throw new IllegalArgumentException("every event has a creation date");
        }
    }

    /** Everything, newest first, first page. */
    public static EventQuery all() {
        return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), SortDirection.DESC,
                DEFAULT_LIMIT, Optional.empty());
    }

    public EventQuery after(ListPosition position) {
        return new EventQuery(eventType, createdBefore, createdAfter, sortDirection, limit, Optional.of(position));
    }

    public EventQuery withLimit(int newLimit) {
        return new EventQuery(eventType, createdBefore, createdAfter, sortDirection, newLimit, after);
    }
}
