package dev.herald.application.inmemory;

import dev.herald.application.contract.EventStoreContract;
import dev.herald.application.port.out.ForStoringEvents;

class InMemoryEventStoreContractTest extends EventStoreContract {
    @Override
    protected ForStoringEvents emptyEventStore() {
        return new InMemoryEventStore();
    }
}
