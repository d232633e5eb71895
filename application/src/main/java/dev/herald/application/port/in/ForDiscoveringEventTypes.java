package dev.herald.application.port.in;

import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.EventTypeDescription;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.List;

/** What a tenant can learn about the event types, and try with them (docs/API.md §4.11, §4.12). */
public interface ForDiscoveringEventTypes {
    /** Every event type with a description, an example of its data and the JSON Schema of its data, in order. */
    List<EventTypeDescription> list();

    /**
     * Sends the catalog's example of {@code eventType} to that one webhook, whatever it subscribes to: a real event
     * and delivery, queued, signed, retried and logged like any other (docs/API.md §4.12). A deleted or unknown
     * webhook is "not found"; a disabled one is a conflict.
     */
    SentExample sendExample(TenantId tenant, WebhookId webhook, String eventType);

    record SentExample(DeliveryId deliveryId, EventId eventId, EventType type, Instant createdDate) {
    }
}
