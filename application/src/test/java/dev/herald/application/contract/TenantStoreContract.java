package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.domain.ConflictException;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.ApiKey;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ForStoringTenants} does. */
public abstract class TenantStoreContract {
    private ForStoringTenants tenants;

    /** A store with no tenants in it. */
    protected abstract ForStoringTenants emptyTenantStore();

    @BeforeEach
    void startEmpty() {
        tenants = emptyTenantStore();
    }

    @Test
    void keepsTheKeyHashOfANewTenant() {
        ApiKeyHash hash = ApiKey.generate().hash();
        tenants.insert(ACME, hash);
        assertEquals(Optional.of(hash), tenants.keyHash(ACME));
    }

    @Test
    void anUnknownTenantHasNoKey() {
        assertTrue(tenants.keyHash(GLOBEX).isEmpty());
    }

    @Test
    void aTakenNameIsAConflict() {
        tenants.insert(ACME, ApiKey.generate().hash());
        ApiKeyHash other = ApiKey.generate().hash();
        assertThrows(ConflictException.class, () -> tenants.insert(ACME, other));
    }

    @Test
    void replacingTheKeyForgetsTheOldOne() {
        tenants.insert(ACME, ApiKey.generate().hash());
        ApiKey newKey = ApiKey.generate();
        tenants.replaceKeyHash(ACME, newKey.hash());
        assertEquals(Optional.of(newKey.hash()), tenants.keyHash(ACME));
    }

    @Test
    void replacingTheKeyOfAnUnknownTenantIsNotFound() {
        ApiKeyHash hash = ApiKey.generate().hash();
        assertThrows(NotFoundException.class, () -> tenants.replaceKeyHash(GLOBEX, hash));
    }
}
