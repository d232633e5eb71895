package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** What the queue and the delivery-log contracts share: empty stores before each test, and a webhook in them. */
abstract class DeliveriesContract {
    /** Empty, with the stores its deliveries' webhooks and events go into (a database may insist on them). */
    protected abstract DeliveriesUnderTest emptyDeliveries();

    protected ForQueueingDeliveries queue;
    protected ForReadingDeliveryLog log;
    protected DeliveriesUnderTest deliveries;
    protected Webhook hook;

    @BeforeEach
    void startEmpty() {
        deliveries = emptyDeliveries();
        queue = deliveries.queue();
        log = deliveries.log();
        hook = newWebhook(ACME);
    }

    protected Webhook newWebhook(TenantId tenant) {
        return deliveries.newWebhook(tenant);
    }

    protected Delivery enqueued(Webhook webhook, EventType type, Instant created) {
        return deliveries.enqueued(webhook, type, created);
    }

    protected Delivery enqueued(Instant created) {
        return enqueued(hook, EventType.PATIENT_CREATED, created);
    }

    protected static List<DeliveryId> ids(List<Delivery> list) {
        return list.stream().map(Delivery::id).toList();
    }
}
