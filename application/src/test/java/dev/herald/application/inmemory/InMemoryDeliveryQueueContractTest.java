package dev.herald.application.inmemory;

import dev.herald.application.contract.DeliveryQueueContract;

class InMemoryDeliveryQueueContractTest extends DeliveryQueueContract {
    @Override
    protected QueueUnderTest emptyQueue() {
        InMemoryEventStore events = new InMemoryEventStore();
        return new QueueUnderTest(new InMemoryDeliveryQueue(events), new InMemoryWebhookStore(), events);
    }
}
