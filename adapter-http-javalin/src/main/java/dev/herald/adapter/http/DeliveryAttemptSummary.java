package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.herald.application.port.in.ForInspectingDeliveries.DeliveryView;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import java.util.List;
import java.util.Optional;

/**
 * {@code WebhookDeliveryAttemptSummary}, the Decoda delivery view (docs/API.md §6.5), with Herald's own fields after
 * {@code lastDeliveryAttemptError}.
 */
record DeliveryAttemptSummary(
        String id,
        String type,
        @JsonRawValue String data,
        String createdDate,
        String alertId,
        String deliveredDate,
        String lastDeliveryAttemptDate,
        Integer lastDeliveryAttemptStatus,
        String lastDeliveryAttemptError,
        String webhookId,
        String status,
        int attemptCount,
        String nextAttemptDate,
        List<AttemptSummary> attempts) {

    static DeliveryAttemptSummary from(DeliveryView view) {
        Delivery delivery = view.delivery();
        Optional<Attempt> last = delivery.lastAttempt();
        return new DeliveryAttemptSummary(
                delivery.id().value(),
                delivery.type().name(),
                view.data().json(), // JSON Herald wrote itself when the event was published
                ApiTime.of(delivery.createdDate()),
                delivery.eventId().value(),
                ApiTime.of(delivery.deliveredDate()),
                ApiTime.of(last.map(Attempt::date)),
                last.flatMap(Attempt::status).orElse(null),
                last.flatMap(Attempt::error).orElse(null),
                delivery.webhookId().value(),
                delivery.status().name(),
                delivery.attemptCount(),
                ApiTime.of(delivery.nextAttemptDate()),
                view.attempts().stream().map(AttemptSummary::from).toList());
    }
}
