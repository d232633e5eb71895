package dev.herald.application.inmemory;

import dev.herald.application.contract.DeliveriesUnderTest;
import dev.herald.application.contract.EndpointTurnsContract;

class InMemoryEndpointTurnsContractTest extends EndpointTurnsContract {
    @Override
    protected DeliveriesUnderTest emptyDeliveries() {
        return InMemoryDeliveryLogContractTest.empty();
    }
}
