package dev.herald.domain.delivery;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Violation.Rule;
import dev.herald.domain.Violation;
import dev.herald.domain.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters, order and page of a webhook's delivery list. A page starts {@code offset} rows in, or right after a
 * position ({@code after}, keyset paging, docs/API.md §10), not both.
 */
public record DeliveryQuery(
        Optional<EventType> eventType,
        Optional<Boolean> isDelivered,
        Optional<Instant> createdBefore,
        Optional<Instant> createdAfter,
        Optional<Integer> lastDeliveryAttemptStatus,
        Optional<String> lastDeliveryAttemptError,
        Optional<Instant> deliveryDateBefore,
        Optional<Instant> deliveryDateAfter,
        SortBy sortBy,
        SortDirection sortDirection,
        int limit,
        int offset,
        Optional<ListPosition> after) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 1000;

    public enum SortBy { CREATED_DATE, DELIVERED_DATE, LAST_DELIVERY_ATTEMPT_DATE }

    public enum SortDirection { ASC, DESC }

    public DeliveryQuery {
        Objects.requireNonNull(eventType);
        Objects.requireNonNull(isDelivered);
        Objects.requireNonNull(createdBefore);
        Objects.requireNonNull(createdAfter);
        Objects.requireNonNull(lastDeliveryAttemptStatus);
        Objects.requireNonNull(lastDeliveryAttemptError);
        Objects.requireNonNull(deliveryDateBefore);
        Objects.requireNonNull(deliveryDateAfter);
        Objects.requireNonNull(sortBy);
        Objects.requireNonNull(sortDirection);
        Objects.requireNonNull(after);
        List<Violation> problems = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new Violation("limit", Rule.OUT_OF_RANGE, "limit must be between 1 and " + MAX_LIMIT));
        }
        if (offset < 0) {
            problems.add(new Violation("offset", Rule.TOO_SMALL, "offset must be 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (after.isPresent() && offset != 0) {
            throw new IllegalArgumentException("a page starts after a position or at an offset, not both");
        }
    }

    /** A query from its first page, by offset. */
    public DeliveryQuery(Optional<EventType> eventType, Optional<Boolean> isDelivered, Optional<Instant> createdBefore,
                         Optional<Instant> createdAfter, Optional<Integer> lastDeliveryAttemptStatus,
                         Optional<String> lastDeliveryAttemptError, Optional<Instant> deliveryDateBefore,
                         Optional<Instant> deliveryDateAfter, SortBy sortBy, SortDirection sortDirection, int limit,
                         int offset) {
        this(eventType, isDelivered, createdBefore, createdAfter, lastDeliveryAttemptStatus, lastDeliveryAttemptError,
                deliveryDateBefore, deliveryDateAfter, sortBy, sortDirection, limit, offset, Optional.empty());
    }

    /** Everything, newest first, first page. */
    public static DeliveryQuery all() {
        return new DeliveryQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SortBy.CREATED_DATE,
                SortDirection.DESC, DEFAULT_LIMIT, 0);
    }

    public DeliveryQuery withPage(int newLimit, int newOffset) {
        return new DeliveryQuery(eventType, isDelivered, createdBefore, createdAfter, lastDeliveryAttemptStatus,
                lastDeliveryAttemptError, deliveryDateBefore, deliveryDateAfter, sortBy, sortDirection, newLimit,
                newOffset, after);
    }

    /** The same list from right after {@code position}, at offset 0. */
    public DeliveryQuery after(ListPosition position) {
        return new DeliveryQuery(eventType, isDelivered, createdBefore, createdAfter, lastDeliveryAttemptStatus,
                lastDeliveryAttemptError, deliveryDateBefore, deliveryDateAfter, sortBy, sortDirection, limit, 0,
                Optional.of(position));
    }

    /** The sort date of a delivery in this list's order; empty when the delivery has none. */
    public Optional<Instant> sortDate(Delivery delivery) {
        return switch (sortBy) {
            case CREATED_DATE -> Optional.of(delivery.createdDate());
            case DELIVERED_DATE -> delivery.deliveredDate();
            case LAST_DELIVERY_ATTEMPT_DATE -> delivery.lastAttempt().map(Attempt::date);
        };
    }
}
