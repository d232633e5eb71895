package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.domain.ConflictException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.TenantId;
import java.util.Optional;

/** Tenants and the hash of their live API key, in {@code tenants}. */
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
        int updated = scope.inTransaction(h -> h.createUpdate("UPDATE tenants SET key_hash = :hash WHERE name = :name")
                .bind("name", tenant.value())
                .bind("hash", keyHash.hex())
                .execute());
        if (updated == 0) {
            throw NotFoundException.tenant();
        }
    }
}
