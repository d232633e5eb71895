package dev.herald.application.inmemory;

import dev.herald.application.contract.TenantStoreContract;
import dev.herald.application.port.out.ForStoringTenants;

class InMemoryTenantStoreContractTest extends TenantStoreContract {
    @Override
    protected ForStoringTenants emptyTenantStore() {
        return new InMemoryTenantStore();
    }
}
