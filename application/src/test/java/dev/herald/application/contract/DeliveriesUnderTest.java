package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Instant;
import java.util.List;

/**
 * The delivery ports under test — the queue, and the log that reads what it stored — with the stores their
 * deliveries' webhooks and events go into (a database may insist on them).
 */
public record DeliveriesUnderTest(ForQueueingDeliveries queue, ForReadingDeliveryLog log, ForStoringWebhooks webhooks,
                                  ForStoringEvents events) {

    Webhook newWebhook(TenantId tenant) {
        Webhook webhook = webhook(tenant, minutes(0), EventType.values());
        webhooks.insert(webhook);
        return webhook;
    }

    /** A new delivery to {@code webhook}, enqueued, due at its creation. */
    Delivery enqueued(Webhook webhook, EventType type, Instant created) {
        Event event = event(webhook.tenant(), type, created);
        events.insert(event);
        Delivery delivery = Delivery.of(event, webhook.id());
        queue.enqueue(List.of(delivery));
        return delivery;
    }
}
