package dev.herald.application.inmemory;

import dev.herald.application.contract.DeliveryQueueContract;

class InMemoryDeliveryQueueContractTest extends DeliveryQueueContract {
    @Override
    protected QueueUnderTest emptyQueue() {
        return new QueueUnderTest(new InMemoryDeliveryQueue(), new InMemoryWebhookStore(), new InMemoryEventStore());
    }
}
