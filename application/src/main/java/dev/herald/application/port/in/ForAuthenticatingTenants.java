package dev.herald.application.port.in;

import dev.herald.domain.tenant.PortalToken;
import dev.herald.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks a request's credentials, TENANT and API-KEY or a portal session's bearer token, and opens portal sessions
 * (docs/API.md §2.1, §2.4); any failure to authenticate is the same {@code UnauthorizedException}.
 */
public interface ForAuthenticatingTenants {
    TenantId authenticate(String tenant, String apiKey);

    /** The tenant of a live portal session; an unknown or expired token is unauthorized. */
    TenantId authenticateSession(String token);

    /** A new session of {@code tenant} lasting {@code lifetime} (see {@link PortalToken#lifetime}). */
    PortalSession openPortalSession(TenantId tenant, Duration lifetime);

    /** A session's token, shown this once, and when it stops working. */
    record PortalSession(PortalToken token, Instant expiresAt) {
    }
}
