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
import dev.herald.domain.tenant.PortalToken;
import java.time.Instant;
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

    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    @Test
    void aSessionNamesItsTenantUntilItExpires() {
        tenants.insert(ACME, ApiKey.generate().hash());
        PortalToken.Hash token = PortalToken.generate().hash();
        tenants.insertSession(ACME, token, NOW.plusSeconds(60), NOW);
        assertEquals(Optional.of(ACME), tenants.sessionTenant(token, NOW.plusSeconds(59)));
        assertTrue(tenants.sessionTenant(token, NOW.plusSeconds(60)).isEmpty(), "expired at its expiry");
        assertTrue(tenants.sessionTenant(PortalToken.generate().hash(), NOW).isEmpty(), "unknown token");
    }

    @Test
    void replacingTheKeyEndsTheTenantsSessionsOnly() {
        tenants.insert(ACME, ApiKey.generate().hash());
        tenants.insert(GLOBEX, ApiKey.generate().hash());
        PortalToken.Hash acme = PortalToken.generate().hash();
        PortalToken.Hash globex = PortalToken.generate().hash();
        tenants.insertSession(ACME, acme, NOW.plusSeconds(60), NOW);
        tenants.insertSession(GLOBEX, globex, NOW.plusSeconds(60), NOW);
        tenants.replaceKeyHash(ACME, ApiKey.generate().hash());
        assertTrue(tenants.sessionTenant(acme, NOW).isEmpty());
        assertEquals(Optional.of(GLOBEX), tenants.sessionTenant(globex, NOW));
    }

    @Test
    void openingASessionForgetsExpiredOnes() {
        tenants.insert(ACME, ApiKey.generate().hash());
        PortalToken.Hash old = PortalToken.generate().hash();
        tenants.insertSession(ACME, old, NOW.plusSeconds(1), NOW);
        tenants.insertSession(ACME, PortalToken.generate().hash(), NOW.plusSeconds(3600), NOW.plusSeconds(2));
        assertTrue(tenants.sessionTenant(old, NOW).isEmpty(), "deleted, not merely expired");
    }
}
