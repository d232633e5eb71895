package dev.herald.adapter.http;

import dev.herald.application.port.in.ForPublishingEvents;
import dev.herald.domain.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Publishing events, docs/API.md §5; its body limit is its own (HERALD_MAX_EVENT_BYTES). */
final class JavalinEventRoutes {
    private final ForPublishingEvents events;
    private final TenantAuthentication auth;
    private final long maxEventBytes;

    JavalinEventRoutes(ForPublishingEvents events, TenantAuthentication auth, long maxEventBytes) {
        this.events = events;
        this.auth = auth;
        this.maxEventBytes = maxEventBytes;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/event/create", auth.authenticated(this::create));
    }

    private void create(Context ctx, TenantId tenant) {
        EventCreateRequest request = EventCreateRequest.from(JsonFields.of(ctx, maxEventBytes));
        Json.ok(ctx, PublishedEventSummary.from(events.publish(tenant, request.toCommand())));
    }
}
