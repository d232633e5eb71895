package dev.herald.application.inmemory;

import dev.herald.application.contract.TransactionsContract;

class InMemoryTransactionsContractTest extends TransactionsContract {
    @Override
    protected StoresUnderTest emptyStores() {
        InMemoryEventStore events = new InMemoryEventStore();
        return new StoresUnderTest(new InMemoryTransactions(), new InMemoryTenantStore(), new InMemoryWebhookStore(),
                events, new InMemoryDeliveryQueue(events));
    }
}
