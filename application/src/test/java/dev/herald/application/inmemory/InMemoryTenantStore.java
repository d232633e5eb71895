package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.domain.ConflictException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.PortalToken;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Tenants in a map; safe for concurrent use (each call is one atomic map operation, or locks the sessions). */
public final class InMemoryTenantStore implements ForStoringTenants {
    private final Map<TenantId, ApiKeyHash> keyHashes = TransactionalMap.over(new HashMap<>(), this);
    private final Map<PortalToken.Hash, Session> sessions = new HashMap<>();

    private record Session(TenantId tenant, Instant expiresAt) {
    }

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
        synchronized (sessions) {
            sessions.values().removeIf(session -> session.tenant().equals(tenant));
        }
    }

    @Override
    public void insertSession(TenantId tenant, PortalToken.Hash tokenHash, Instant expiresAt, Instant now) {
        synchronized (sessions) {
            sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
            sessions.put(tokenHash, new Session(tenant, expiresAt));
        }
    }

    @Override
    public Optional<TenantId> sessionTenant(PortalToken.Hash tokenHash, Instant now) {
        synchronized (sessions) {
            return Optional.ofNullable(sessions.get(tokenHash)).filter(session -> session.expiresAt().isAfter(now))
                    .map(Session::tenant);
        }
    }

    /** Sessions kept, expired ones not yet forgotten included: for tests that check a refusal opened none. */
    public int sessionCount() {
        synchronized (sessions) {
            return sessions.size();
        }
    }
}
