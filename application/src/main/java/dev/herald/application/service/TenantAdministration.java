package dev.herald.application.service;

import dev.herald.application.port.in.ForAdministeringTenants;
import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.application.port.out.ForStoringTenants;
import dev.herald.domain.UnauthorizedException;
import dev.herald.domain.tenant.ApiKey.ApiKeyHash;
import dev.herald.domain.tenant.ApiKey;
import dev.herald.domain.tenant.PortalToken;
import dev.herald.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Tenants, their API keys and portal sessions: creation, rotation, and checking presented credentials. */
final class TenantAdministration implements ForAdministeringTenants, ForAuthenticatingTenants {
    /** Compared against when the tenant is unknown, so the answer takes as long as for a wrong key. */
    private static final ApiKeyHash NO_SUCH_TENANT = ApiKey.generate().hash();

    private final ForStoringTenants tenants;
    private final Clock clock;

    TenantAdministration(ForStoringTenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public TenantCredentials createTenant(String name) {
        return withNewKey(name, tenants::insert);
    }

    @Override
    public TenantCredentials rotateApiKey(String name) {
        return withNewKey(name, tenants::replaceKeyHash);
    }

    /** A fresh key for the tenant, of which only the hash is stored. */
    private static TenantCredentials withNewKey(String name, BiConsumer<TenantId, ApiKeyHash> store) {
        TenantId tenant = new TenantId(name);
        ApiKey key = ApiKey.generate();
        store.accept(tenant, key.hash());
        return new TenantCredentials(tenant, key);
    }

    @Override
    public TenantId authenticate(String tenant, String apiKey) {
        Optional<TenantId> id = TenantId.parse(tenant);
        ApiKeyHash expected = id.flatMap(tenants::keyHash).orElse(NO_SUCH_TENANT);
        boolean matches = expected.matches(apiKey == null ? "" : apiKey);
        if (id.isEmpty() || expected == NO_SUCH_TENANT || !matches) {
            throw new UnauthorizedException();
        }
        return id.get();
    }

    @Override
    public TenantId authenticateSession(String token) {
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException();
        }
        return tenants.sessionTenant(PortalToken.Hash.of(token), clock.instant())
                .orElseThrow(UnauthorizedException::new);
    }

    @Override
    public PortalSession openPortalSession(TenantId tenant, Duration lifetime) {
        PortalToken.lifetime(lifetime.toSeconds());
        PortalToken token = PortalToken.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.MILLIS); // as the API shows times
        tenants.insertSession(tenant, token.hash(), expiresAt, now);
        return new PortalSession(token, expiresAt);
    }
}
