package dev.herald.application.inmemory;

import dev.herald.application.contract.DeliveriesUnderTest;
import dev.herald.application.contract.DeliveryLogContract;

class InMemoryDeliveryLogContractTest extends DeliveryLogContract {
    @Override
    protected DeliveriesUnderTest emptyDeliveries() {
        return empty();
    }

    /** One in-memory store behind both delivery ports, as one database is. */
    static DeliveriesUnderTest empty() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryWebhookStore webhooks = new InMemoryWebhookStore();
        InMemoryDeliveryQueue deliveries = new InMemoryDeliveryQueue(events, webhooks);
        return new DeliveriesUnderTest(deliveries, deliveries, webhooks, events);
    }
}
