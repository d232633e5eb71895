package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.domain.UnauthorizedException;
import dev.herald.domain.tenant.TenantId;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;

/**
 * The credentials of every {@code /v1} route: the TENANT and API-KEY headers (docs/API.md §2.1), or a portal
 * session's {@code Authorization: Bearer} token (§2.4). An address that failed too often is refused before its
 * credentials are looked at, and a tenant over its request rate once they check out (§9).
 */
final class TenantAuthentication {
    static final String TENANT_HEADER = "TENANT";
    static final String API_KEY_HEADER = "API-KEY";
    private static final String BEARER = "bearer ";

    private final ForAuthenticatingTenants port;
    private final FailedAttemptThrottle throttle;
    private final TenantRateLimit rateLimit;

    TenantAuthentication(ForAuthenticatingTenants port, FailedAttemptThrottle throttle, TenantRateLimit rateLimit) {
        this.port = port;
        this.throttle = throttle;
        this.rateLimit = rateLimit;
    }

    /** {@code handler}, run with the caller's tenant once its credentials check out and it is within its rate. */
    Handler authenticated(TenantHandler handler) {
        return ctx -> {
            TenantId tenant = tenantOf(ctx).tenant();
            rateLimit.checkAllowed(tenant);
            handler.handle(ctx, tenant);
        };
    }

    /**
     * Like {@link #authenticated}, but only for the tenant's own key: a portal session may not make more sessions, so a
     * leaked link cannot outlive its expiry (docs/API.md §2.4).
     */
    Handler authenticatedByKey(TenantHandler handler) {
        return ctx -> {
            Caller caller = tenantOf(ctx);
            if (caller.bySession()) {
                throw new ForbiddenException("A portal session cannot do this; use the TENANT and API-KEY headers");
            }
            rateLimit.checkAllowed(caller.tenant());
            handler.handle(ctx, caller.tenant());
        };
    }

    private record Caller(TenantId tenant, boolean bySession) {
    }

    private Caller tenantOf(Context ctx) {
        String client = ClientAddress.of(ctx);
        throttle.checkAllowed(client);
        try {
            return fromHeaders(ctx);
        } catch (UnauthorizedException e) {
            throttle.recordFailure(client);
            throw e;
        }
    }

    /** TENANT and API-KEY when either is sent; otherwise a bearer token; otherwise nothing, which is refused. */
    private Caller fromHeaders(Context ctx) {
        String tenant = ctx.header(TENANT_HEADER);
        String apiKey = ctx.header(API_KEY_HEADER);
        String authorization = ctx.header("Authorization");
        if (tenant == null && apiKey == null && authorization != null
                && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return new Caller(port.authenticateSession(authorization.substring(BEARER.length()).strip()), true);
        }
        if (tenant == null || tenant.isBlank() || apiKey == null || apiKey.isBlank()) {
            throw new UnauthorizedException();
        }
        // a name that cannot exist is just another unknown tenant
        return new Caller(port.authenticate(tenant, apiKey), false);
    }
}
