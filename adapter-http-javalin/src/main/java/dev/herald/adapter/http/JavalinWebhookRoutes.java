package dev.herald.adapter.http;

import dev.herald.application.port.in.ForManagingWebhooks.EndpointStatus;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Page;
import dev.herald.domain.Violation;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The webhook endpoints of docs/API.md §4. */
final class JavalinWebhookRoutes {
    private final ForManagingWebhooks webhooks;
    private final TenantAuthentication auth;
    private final long maxBodyBytes;

    JavalinWebhookRoutes(ForManagingWebhooks webhooks, TenantAuthentication auth, long maxBodyBytes) {
        this.webhooks = webhooks;
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/webhook/create", auth.authenticated(this::create));
        routes.get("/v1/webhook/get/{webhook_id}", auth.authenticated(this::get));
        routes.put("/v1/webhook/update/{webhook_id}", auth.authenticated(this::update));
        routes.delete("/v1/webhook/delete/{webhook_id}", auth.authenticated(this::delete));
        routes.get("/v1/webhook/list", auth.authenticated(this::list));
        routes.post("/v1/webhook/rotate-secret/{webhook_id}", auth.authenticated(this::rotateSecret));
        routes.post("/v1/webhook/enable/{webhook_id}", auth.authenticated(this::enable));
        routes.post("/v1/webhook/recover/{webhook_id}", auth.authenticated(this::recover));
    }

    private void create(Context ctx, TenantId tenant) {
        WebhookCreateRequest request = WebhookCreateRequest.from(JsonFields.of(ctx, maxBodyBytes));
        Json.ok(ctx, summary(tenant, webhooks.create(tenant, request.toCommand())));
    }

    private void get(Context ctx, TenantId tenant) {
        Json.ok(ctx, summary(tenant, webhooks.get(tenant, PathIds.webhookId(ctx))));
    }

    private void update(Context ctx, TenantId tenant) {
        var id = PathIds.webhookId(ctx);
        WebhookUpdateRequest request = WebhookUpdateRequest.from(JsonFields.of(ctx, maxBodyBytes));
        Json.ok(ctx, summary(tenant, webhooks.update(tenant, id, request.toCommand())));
    }

    private void delete(Context ctx, TenantId tenant) {
        webhooks.delete(tenant, PathIds.webhookId(ctx));
        Json.ok(ctx, true);
    }

    /**
     * All the tenant's webhooks, as Decoda answers; pages only when the client asks with {@code limit} or
     * {@code cursor} (docs/API.md §4.6, §10).
     */
    private void list(Context ctx, TenantId tenant) {
        QueryFields query = new QueryFields(ctx);
        boolean includeArchived = query.optional("include_archived", QueryKind.BOOLEAN, false);
        Optional<Integer> limit = query.optional("limit", QueryKind.INTEGER);
        limit.filter(n -> n < 1 || n > DeliveryQuery.MAX_LIMIT).ifPresent(n -> query.addAll(List.of(new Violation(
                "limit", Violation.Rule.OUT_OF_RANGE, "limit must be between 1 and " + DeliveryQuery.MAX_LIMIT))));
        String list = "webhooks archived " + includeArchived;
        Optional<ListPosition> after = ListCursor.read(query, () -> list, false);
        query.validate();
        if (limit.isEmpty() && after.isEmpty()) {
            Json.ok(ctx, summaries(tenant, webhooks.list(tenant, includeArchived)));
            return;
        }
        Page<Webhook> page = webhooks.page(tenant, includeArchived, limit.orElse(Integer.MAX_VALUE), after);
        ListCursor.announceNext(ctx, list, page.next());
        Json.ok(ctx, summaries(tenant, page.items()));
    }

    private void rotateSecret(Context ctx, TenantId tenant) {
        var id = PathIds.webhookId(ctx);
        RotateSecretRequest request = RotateSecretRequest.from(JsonFields.ofOptional(ctx, maxBodyBytes));
        Json.ok(ctx, summary(tenant, webhooks.rotateSecret(tenant, id, request.grace())));
    }

    private void enable(Context ctx, TenantId tenant) {
        Json.ok(ctx, summary(tenant, webhooks.enable(tenant, PathIds.webhookId(ctx))));
    }

    private void recover(Context ctx, TenantId tenant) {
        var id = PathIds.webhookId(ctx);
        RecoverRequest request = RecoverRequest.from(JsonFields.of(ctx, maxBodyBytes));
        Json.ok(ctx, new RecoverSummary(webhooks.recover(tenant, id, request.since())));
    }

    /** The answer of recover: how many deliveries were queued again. */
    private record RecoverSummary(int recovered) {
    }

    private WebhookSummary summary(TenantId tenant, Webhook webhook) {
        return summaries(tenant, List.of(webhook)).get(0);
    }

    /** The webhooks with their endpoints' health, read for all of them at once. */
    private List<WebhookSummary> summaries(TenantId tenant, List<Webhook> list) {
        Map<WebhookId, EndpointStatus> health = webhooks.health(tenant, list.stream().map(Webhook::id).toList());
        return list.stream().map(w -> WebhookSummary.from(w, health.get(w.id()))).toList();
    }
}
