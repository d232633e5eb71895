package dev.herald.adapter.http;

import dev.herald.domain.tenant.TenantId;
import io.javalin.http.Context;

/** A route handler that runs only for an authenticated tenant. */
@FunctionalInterface
interface TenantHandler {
    void handle(Context ctx, TenantId tenant) throws Exception;
}
