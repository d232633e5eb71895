package dev.herald.application.inmemory;

import dev.herald.application.contract.DeliveriesUnderTest;
import dev.herald.application.contract.DeliveryQueueContract;

class InMemoryDeliveryQueueContractTest extends DeliveryQueueContract {
    @Override
    protected DeliveriesUnderTest emptyDeliveries() {
        return InMemoryDeliveryLogContractTest.empty();
    }
}
