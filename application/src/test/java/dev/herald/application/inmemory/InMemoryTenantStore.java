package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.domain.ConflictException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Tenants in a map; safe for concurrent use (each call is one atomic map operation). */
public final class InMemoryTenantStore implements ForStoringTenants {
    private final Map<TenantId, ApiKeyHash> keyHashes = TransactionalMap.over(new HashMap<>(), this);

    @Override
    public void insert(TenantId tenant, ApiKeyHash keyHash) {
        if (keyHashes.putIfAbsent(tenant, keyHash) != null) {
            throw new ConflictException("Tenant " + tenant + " already exists");
        }
    }

    @Override
    public Optional<ApiKeyHash> keyHash(TenantId tenant) {
        return Optional.ofNullable(keyHashes.get(tenant));
    }

    @Override
    public void replaceKeyHash(TenantId tenant, ApiKeyHash keyHash) {
        if (keyHashes.computeIfPresent(tenant, (t, old) -> keyHash) == null) {
            throw NotFoundException.tenant();
        }
    }
}
