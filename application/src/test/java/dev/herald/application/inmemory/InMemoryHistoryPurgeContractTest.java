package dev.herald.application.inmemory;

import dev.herald.application.contract.DeliveriesUnderTest;
import dev.herald.application.contract.HistoryPurgeContract;

class InMemoryHistoryPurgeContractTest extends HistoryPurgeContract {
    @Override
    protected HistoryUnderTest emptyHistory() {
        DeliveriesUnderTest deliveries = InMemoryDeliveryLogContractTest.empty();
        return new HistoryUnderTest(deliveries, (InMemoryDeliveryQueue) deliveries.queue());
    }
}
