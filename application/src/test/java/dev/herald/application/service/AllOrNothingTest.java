package dev.herald.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.application.port.in.ForPublishingEvents.PublishedEvent;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.RetrySchedule;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A use case that fails half-way leaves nothing of itself behind: its writes share one transaction. */
class AllOrNothingTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final PublishEvent ORDER = new PublishEvent("PATIENT_CREATED", "{\"a\":1}", "order-1");

    private final InMemoryHerald herald = new InMemoryHerald(RetrySchedule.DEFAULT);
    private final Webhook webhook = herald.webhooks.create(ACME,
            new CreateWebhook("https://receiver.example/acme", List.of("PATIENT_CREATED"), null));

    @Test
    void aPublishWhoseDeliveriesCannotBeStoredLeavesNoEvent() {
        herald.queue.failNextWrites(1);

        assertThrows(IllegalStateException.class, () -> herald.events.publish(ACME, ORDER));

        assertEquals(0, herald.eventStore.count());
        assertEquals(0, herald.deliveries.list(ACME, webhook.id(), DeliveryQuery.all()).count());
    }

    @Test
    void aFailedPublishCanBeRetriedWithTheSameKeyAndItsDeliveryThenGoesOut() {
        herald.queue.failNextWrites(1);
        assertThrows(IllegalStateException.class, () -> herald.events.publish(ACME, ORDER));

        // Were the event kept without its delivery, this would replay it and the receiver would never hear of it.
        PublishedEvent retried = herald.events.publish(ACME, ORDER);
        herald.cycle.runOnce();

        assertEquals(1, retried.deliveryCount());
        assertEquals(1, herald.receiver.requests.size());
        assertTrue(herald.receiver.requests.get(0).body().text().contains(retried.id().value()));
    }

    @Test
    void aDeleteWhosePendingDeliveriesCannotBeCancelledLeavesTheWebhookLive() {
        herald.events.publish(ACME, ORDER);
        herald.queue.failNextWrites(1);

        assertThrows(IllegalStateException.class, () -> herald.webhooks.delete(ACME, webhook.id()));

        assertEquals(List.of(webhook), herald.webhooks.list(ACME, false));
        herald.cycle.runOnce();
        assertEquals(1, herald.receiver.requests.size(), "its pending delivery still goes out");
    }
}
