package dev.herald.adapter.http;

import dev.herald.application.port.in.ForDiscoveringEventTypes;
import dev.herald.domain.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The event-type catalog and its examples sent to a webhook, docs/API.md §4.11 and §4.12. */
final class JavalinEventTypeRoutes {
    private final ForDiscoveringEventTypes eventTypes;
    private final TenantAuthentication auth;
    private final long maxBodyBytes;

    JavalinEventTypeRoutes(ForDiscoveringEventTypes eventTypes, TenantAuthentication auth, long maxBodyBytes) {
        this.eventTypes = eventTypes;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/event-type/list", auth.authenticated(this::list));
        routes.post("/v1/webhook/send-example/{webhook_id}", auth.authenticated(this::sendExample));
    }

    private void list(Context ctx, TenantId tenant) {
        Json.ok(ctx, eventTypes.list().stream().map(EventTypeSummary::from).toList());
    }

    private void sendExample(Context ctx, TenantId tenant) {
        var id = PathIds.webhookId(ctx);
        SendExampleRequest request = SendExampleRequest.from(JsonFields.of(ctx, maxBodyBytes));
        Json.ok(ctx, SentExampleSummary.from(eventTypes.sendExample(tenant, id, request.eventType())));
    }
}
