package dev.herald.adapter.http;

import dev.herald.application.port.in.ForAdministeringTenants;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The admin API of docs/API.md §8.2, registered only when an admin key is configured (otherwise every route is 404). */
final class JavalinAdminRoutes {
    private final ForAdministeringTenants tenants;
    private final AdminAuthentication auth;
    private final long maxBodyBytes;

    JavalinAdminRoutes(ForAdministeringTenants tenants, AdminAuthentication auth, long maxBodyBytes) {
        this.tenants = tenants;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post("/admin/v1/tenant/create", auth.authenticated(this::createTenant));
        routes.post("/admin/v1/tenant/{tenant}/api-key/rotate", auth.authenticated(this::rotateApiKey));
    }

    private void createTenant(Context ctx) {
        TenantCreateRequest request = TenantCreateRequest.from(JsonFields.of(ctx, maxBodyBytes));
        Json.ok(ctx, TenantCredentialsSummary.from(tenants.createTenant(request.tenant())));
    }

    private void rotateApiKey(Context ctx) {
        Json.ok(ctx, TenantCredentialsSummary.from(tenants.rotateApiKey(tenantName(ctx))));
    }

    /** A name that cannot be a tenant's cannot exist: 404 like an unknown one, as with malformed ids. */
    private static String tenantName(Context ctx) {
        return TenantId.parse(ctx.pathParam("tenant")).orElseThrow(NotFoundException::tenant).value();
    }
}
