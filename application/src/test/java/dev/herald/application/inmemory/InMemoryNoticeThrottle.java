package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** When each webhook's owner was last told and each tenant's recent notices, with what was held back; synchronized. */
public final class InMemoryNoticeThrottle implements ForThrottlingNotices {
    private final Map<WebhookId, WebhookState> webhooks = TransactionalMap.over(new HashMap<>(), this);
    private final Map<TenantId, TenantState> tenants = TransactionalMap.over(new HashMap<>(), this);

    private record WebhookState(Optional<Instant> lastNotice, int heldBack) {
        static final WebhookState NEVER_TOLD = new WebhookState(Optional.empty(), 0);

        WebhookState heldBackOnce() {
            return new WebhookState(lastNotice, heldBack + 1);
        }
    }

    private record TenantState(List<Instant> sent, int heldBack) {
        static final TenantState NEVER_TOLD = new TenantState(List.of(), 0);

        TenantState sentSince(Instant start) {
            return new TenantState(sent.stream().filter(at -> at.isAfter(start)).toList(), heldBack);
        }

        TenantState heldBackOnce() {
            return new TenantState(sent, heldBack + 1);
        }

        TenantState sentAt(Instant now) {
            return new TenantState(Stream.concat(sent.stream(), Stream.of(now)).toList(), 0);
        }
    }

    @Override
    public synchronized Decision tryAcquire(TenantId tenant, WebhookId webhook, Instant now, Limits limits) {
        WebhookState webhookState = webhooks.getOrDefault(webhook, WebhookState.NEVER_TOLD);
        if (webhookState.lastNotice().filter(last -> last.isAfter(now.minus(limits.webhookWindow()))).isPresent()) {
            webhooks.put(webhook, webhookState.heldBackOnce());
            return new Decision.WebhookToldRecently();
        }
        TenantState tenantState = tenants.getOrDefault(tenant, TenantState.NEVER_TOLD)
                .sentSince(now.minus(limits.tenantWindow()));
        if (tenantState.sent().size() >= limits.perTenant()) {
            webhooks.put(webhook, webhookState.heldBackOnce());
            tenants.put(tenant, tenantState.heldBackOnce());
            return new Decision.TenantLimitReached(tenantState.heldBack() + 1);
        }
        webhooks.put(webhook, new WebhookState(Optional.of(now), 0));
        tenants.put(tenant, tenantState.sentAt(now));
        return new Decision.Send(webhookState.heldBack());
    }
}
