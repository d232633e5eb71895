package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.domain.ConflictException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.PortalToken;
import dev.herald.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Tenants and the hash of their live API key, in {@code tenants}; their portal sessions in {@code portal_sessions}. */
public final class JdbiTenantStore implements ForStoringTenants {
    private final TransactionScope scope;

    JdbiTenantStore(TransactionScope scope) {
        this.scope = scope;
    }

    @Override
    public void insert(TenantId tenant, ApiKeyHash keyHash) {
        try {
            scope.inTransaction(h -> h.createUpdate("INSERT INTO tenants (name, key_hash) VALUES (:name, :hash)")
                    .bind("name", tenant.value())
                    .bind("hash", keyHash.hex())
                    .execute());
        } catch (ConflictException e) {
            throw new ConflictException("Tenant " + tenant + " already exists");
        }
    }

    @Override
    public Optional<ApiKeyHash> keyHash(TenantId tenant) {
        return scope.inTransaction(h -> h.createQuery("SELECT key_hash FROM tenants WHERE name = :name")
                .bind("name", tenant.value())
                .mapTo(String.class)
                .findOne()
                .map(ApiKeyHash::new));
    }

    @Override
    public void replaceKeyHash(TenantId tenant, ApiKeyHash keyHash) {
        int updated = scope.inTransaction(h -> {
            h.createUpdate("DELETE FROM portal_sessions WHERE tenant = :name").bind("name", tenant.value()).execute();
            return h.createUpdate("UPDATE tenants SET key_hash = :hash WHERE name = :name")
                    .bind("name", tenant.value())
                    .bind("hash", keyHash.hex())
                    .execute();
        });
        if (updated == 0) {
            throw NotFoundException.tenant();
        }
    }

    @Override
    public void insertSession(TenantId tenant, PortalToken.Hash tokenHash, Instant expiresAt, Instant now) {
        scope.inTransaction(h -> {
            // Expired sessions go as new ones come: the table holds about a day of sessions, by its expiry index.
            h.createUpdate("DELETE FROM portal_sessions WHERE expires_at <= :now").bind("now", SqlTime.of(now))
                    .execute();
            return h.createUpdate("INSERT INTO portal_sessions (token_hash, tenant, expires_at) "
                            + "VALUES (:hash, :tenant, :expiresAt)")
                    .bind("hash", tokenHash.hex())
                    .bind("tenant", tenant.value())
                    .bind("expiresAt", SqlTime.of(expiresAt))
                    .execute();
        });
    }

    @Override
    public Optional<TenantId> sessionTenant(PortalToken.Hash tokenHash, Instant now) {
        return scope.inTransaction(h -> h.createQuery(
                        "SELECT tenant FROM portal_sessions WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", tokenHash.hex())
                .bind("now", SqlTime.of(now))
                .mapTo(String.class)
                .findOne()
                .map(TenantId::new));
    }
}
