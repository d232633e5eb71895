package dev.herald.application.inmemory;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryQuery;
import java.util.Optional;

/**
 * A {@link DeliveryQuery} applied to deliveries in memory, with the database's meaning: date bounds are exclusive,
 * {@code isDelivered} means a delivered date is set, the error filter matches the last error exactly, (the order is
 * {@link InMemoryKeyset}'s).
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
}
