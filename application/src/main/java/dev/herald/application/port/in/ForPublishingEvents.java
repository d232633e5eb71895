package dev.herald.application.port.in;

import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;

/**
 * Publishing an event (docs/API.md §5): the event and one delivery per live subscribed webhook are written in one
 * transaction — the caller's own, when it has one open on a shared database.
 */
public interface ForPublishingEvents {
    PublishedEvent publish(TenantId tenant, PublishEvent command);

    /**
     * Raw input: the type name, the data as the text of a JSON object, and an optional idempotency key
     * (the same key with the same body answers the first result; with another body it is a conflict).
     */
    record PublishEvent(String type, String dataJson, String idempotencyKey) {
        public static PublishEvent of(String type, String dataJson) {
            return new PublishEvent(type, dataJson, null);
        }
    }

    record PublishedEvent(EventId id, EventType type, Instant createdDate, int deliveryCount) {
    }
}
