package dev.herald.application.inmemory;

import dev.herald.application.contract.TransactionsContract;

class InMemoryTransactionsContractTest extends TransactionsContract {
    @Override
    protected StoresUnderTest emptyStores() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryDeliveryQueue deliveries = new InMemoryDeliveryQueue(events);
        return new StoresUnderTest(new InMemoryTransactions(), new InMemoryTenantStore(), new InMemoryWebhookStore(),
                events, deliveries, deliveries);
    }
}
