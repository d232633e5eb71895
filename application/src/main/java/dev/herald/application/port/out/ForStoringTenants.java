package dev.herald.application.port.out;

import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.TenantId;
import java.util.Optional;

/** Tenants and the hash of their one live API key. */
public interface ForStoringTenants {
    /** @throws dev.herald.domain.ConflictException if the tenant exists */
    void insert(TenantId tenant, ApiKeyHash keyHash);

    Optional<ApiKeyHash> keyHash(TenantId tenant);

    /** @throws dev.herald.domain.NotFoundException if there is no such tenant */
    void replaceKeyHash(TenantId tenant, ApiKeyHash keyHash);
}
