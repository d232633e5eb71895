package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.herald.application.port.in.ForInspectingDeliveries.EventDetail;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import java.util.List;

/** An event with the state of each of its deliveries, {@code GET /v1/event/get/{event_id}} (docs/API.md §5.2). */
record EventDetailSummary(String id, String type, String createdDate, @JsonRawValue String data,
                          String idempotencyKey, int deliveryCount, List<EventDelivery> deliveries) {

    static EventDetailSummary from(EventDetail detail) {
        EventSummary event = EventSummary.from(detail.event());
        return new EventDetailSummary(event.id(), event.type(), event.createdDate(), event.data(),
                event.idempotencyKey(), event.deliveryCount(),
                detail.deliveries().stream().map(EventDelivery::from).toList());
    }

    /**
     * A delivery of the event: the fields of §6.5 that say where it stands, without the event's data and type (the
     * event's own) and its attempts (§6.5 has them, by the delivery's id).
     */
    record EventDelivery(String id, String webhookId, String status, String createdDate, String deliveredDate,
                         int attemptCount, String lastDeliveryAttemptDate, Integer lastDeliveryAttemptStatus,
                         String lastDeliveryAttemptError, String nextAttemptDate) {
        static EventDelivery from(Delivery delivery) {
            var last = delivery.lastAttempt();
            return new EventDelivery(delivery.id().value(), delivery.webhookId().value(), delivery.status().name(),
                    ApiTime.of(delivery.createdDate()), ApiTime.of(delivery.deliveredDate()), delivery.attemptCount(),
                    ApiTime.of(last.map(Attempt::date)), last.flatMap(Attempt::status).orElse(null),
                    last.flatMap(Attempt::error).orElse(null), ApiTime.of(delivery.nextAttemptDate()));
        }
    }
}
