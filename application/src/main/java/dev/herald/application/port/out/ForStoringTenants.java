package dev.herald.application.port.out;

import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.PortalToken;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Tenants, the hash of their one live API key, and the hashes of their portal sessions' tokens. */
public interface ForStoringTenants {
    /** @throws dev.herald.domain.ConflictException if the tenant exists */
    void insert(TenantId tenant, ApiKeyHash keyHash);

    Optional<ApiKeyHash> keyHash(TenantId tenant);

    /**
     * Replaces the key and ends the tenant's portal sessions: a key replaced because it leaked must not live on in
     * the sessions opened with it.
     *
     * @throws dev.herald.domain.NotFoundException if there is no such tenant
     */
    void replaceKeyHash(TenantId tenant, ApiKeyHash keyHash);

    /** Keeps a new session until {@code expiresAt}; sessions expired before {@code now} may be forgotten meanwhile. */
    void insertSession(TenantId tenant, PortalToken.Hash tokenHash, Instant expiresAt, Instant now);

    /** The tenant of the session with this token hash, if it expires after {@code now}. */
    Optional<TenantId> sessionTenant(PortalToken.Hash tokenHash, Instant now);
}
