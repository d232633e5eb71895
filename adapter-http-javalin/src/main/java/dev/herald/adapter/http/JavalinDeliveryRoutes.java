package dev.herald.adapter.http;

import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.domain.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The delivery endpoints (Decoda's "events" family; docs/API.md §6.8-6.7). A re-send changes state, so it is POST only
 * (docs/DECISIONS.md): a GET can be triggered by a link, a prefetch or a crawler.
 */
final class JavalinDeliveryRoutes {
    private final ForInspectingDeliveries deliveries;
    private final TenantAuthentication auth;

    JavalinDeliveryRoutes(ForInspectingDeliveries deliveries, TenantAuthentication auth) {
        this.deliveries = deliveries;
        this.auth = auth;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/webhook/events/{webhook_delivery_attempt_id}", auth.authenticated(this::get));
        routes.post("/v1/webhook/events/{webhook_delivery_attempt_id}/send", auth.authenticated(this::send));
        routes.get("/v1/webhook/{webhook_id}/delivery-attempts/list", auth.authenticated(this::list));
    }

    private void get(Context ctx, TenantId tenant) {
        Json.ok(ctx, DeliveryAttemptSummary.from(deliveries.get(tenant, PathIds.deliveryId(ctx))));
    }

    private void send(Context ctx, TenantId tenant) {
        var id = PathIds.deliveryId(ctx);
        QueryFields query = new QueryFields(ctx);
        boolean notifyFailure = query.optional("notify_failure", QueryKind.BOOLEAN, false);
        query.validate();
        Json.ok(ctx, DeliveryAttemptSummary.from(deliveries.resend(tenant, id, notifyFailure)));
    }

    private void list(Context ctx, TenantId tenant) {
        var webhook = PathIds.webhookId(ctx);
        var query = DeliveryListQuery.from(ctx, webhook);
        var page = deliveries.page(tenant, webhook, query);
        ListCursor.announceNext(ctx, DeliveryListQuery.list(webhook, query), page.next());
        Json.okStreamed(ctx, page.items().map(DeliveryAttemptSummary::from));
    }
}
