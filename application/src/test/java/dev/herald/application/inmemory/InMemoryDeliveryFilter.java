package dev.herald.application.inmemory;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.delivery.DeliveryQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link DeliveryQuery} applied to deliveries in memory, with the database's meaning: date bounds are exclusive,
 * {@code isDelivered} means a delivered date is set, the error filter matches the last error exactly, and deliveries
 * without the sorted date come last in either direction.
 */
final class InMemoryDeliveryFilter {
    private InMemoryDeliveryFilter() {
    }

    static boolean matches(DeliveryQuery q, Delivery d) {
        Optional<Attempt> last = d.lastAttempt();
        return q.eventType().map(t -> t == d.type()).orElse(true)
                && q.isDelivered().map(wanted -> wanted == d.deliveredDate().isPresent()).orElse(true)
                && q.createdBefore().map(d.createdDate()::isBefore).orElse(true)
                && q.createdAfter().map(d.createdDate()::isAfter).orElse(true)
                && q.lastDeliveryAttemptStatus().map(s -> last.flatMap(Attempt::status).equals(Optional.of(s)))
                        .orElse(true)
                && q.lastDeliveryAttemptError().map(e -> last.flatMap(Attempt::error).equals(Optional.of(e)))
                        .orElse(true)
                && q.deliveryDateBefore().map(b -> d.deliveredDate().filter(x -> x.isBefore(b)).isPresent())
                        .orElse(true)
                && q.deliveryDateAfter().map(a -> d.deliveredDate().filter(x -> x.isAfter(a)).isPresent())
                        .orElse(true);
    }

    static Comparator<Delivery> order(DeliveryQuery q) {
        Function<Delivery, Optional<Instant>> key = switch (q.sortBy()) {
            case CREATED_DATE -> d -> Optional.of(d.createdDate());
            case DELIVERED_DATE -> Delivery::deliveredDate;
            case LAST_DELIVERY_ATTEMPT_DATE -> d -> d.lastAttempt().map(Attempt::date);
        };
        Comparator<Instant> direction = q.sortDirection() == SortDirection.ASC
                ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing(d -> key.apply(d).orElse(null), Comparator.nullsLast(direction));
    }
}
