package dev.herald.application.inmemory;

import dev.herald.application.contract.TransactionsContract;

class InMemoryTransactionsContractTest extends TransactionsContract {
    @Override
    protected StoresUnderTest emptyStores() {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryWebhookStore webhooks = new InMemoryWebhookStore();
        InMemoryDeliveryQueue deliveries = new InMemoryDeliveryQueue(events, webhooks);
        return new StoresUnderTest(new InMemoryTransactions(), new InMemoryTenantStore(), webhooks,
                events, deliveries, deliveries);
    }
}
