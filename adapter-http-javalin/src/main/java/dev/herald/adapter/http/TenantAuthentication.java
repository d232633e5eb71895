package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAuthenticatingTenants;
import dev.herald.domain.UnauthorizedException;
import dev.herald.domain.tenant.TenantId;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The TENANT and API-KEY headers of every {@code /v1} route (docs/API.md §2.1); an address that failed too often is refused
 * before its credentials are looked at, and a tenant over its request rate once they check out (§9).
 */
final class TenantAuthentication {
    static final String TENANT_HEADER = "TENANT";
    static final String API_KEY_HEADER = "API-KEY";

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
            TenantId tenant = tenantOf(ctx);
            rateLimit.checkAllowed(tenant);
            handler.handle(ctx, tenant);
        };
    }

    private TenantId tenantOf(Context ctx) {
        String client = ClientAddress.of(ctx);
        throttle.checkAllowed(client);
        try {
            return tenantFromHeaders(ctx);
        } catch (UnauthorizedException e) {
            throttle.recordFailure(client);
            throw e;
        }
    }

    private TenantId tenantFromHeaders(Context ctx) {
        String tenant = ctx.header(TENANT_HEADER);
        String apiKey = ctx.header(API_KEY_HEADER);
        if (tenant == null || tenant.isBlank() || apiKey == null || apiKey.isBlank()) {
            throw new UnauthorizedException();
        }
        return port.authenticate(tenant, apiKey); // a name that cannot exist is just another unknown tenant
    }
}
