package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.herald.application.port.in.ForInspectingDeliveries.EventView;
import dev.herald.domain.event.IdempotencyKey;

/** An event of the history, {@code GET /v1/event/list} (docs/API.md §5.1). */
record EventSummary(String id, String type, String createdDate, @JsonRawValue String data, String idempotencyKey,
                    int deliveryCount) {
    static EventSummary from(EventView view) {
        var event = view.event();
        return new EventSummary(event.id().value(), event.type().name(), ApiTime.of(event.createdDate()),
                view.data().json(), // JSON Herald wrote itself when the event was published
                event.idempotencyKey().map(IdempotencyKey::value).orElse(null), event.deliveryCount());
    }
}
