package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Notice limits in the database, shared by every node: {@code notice_throttle} holds each webhook's last notice and
 * what was held back since, {@code notice_sends} each tenant's recent notices. The tenant's row in
 * {@code notice_tenants} is locked first (created if missing), so the notices of one tenant, on any node, are decided
 * one after the other; its webhooks' rows are only ever locked after it, so no two decisions can deadlock.
 */
public final class JdbiNoticeThrottle implements ForThrottlingNotices {
    private final TransactionScope scope;

    JdbiNoticeThrottle(TransactionScope scope) {
        this.scope = scope;
    }

    private record WebhookState(Optional<Instant> lastNotice, int heldBack) {
    }

    @Override
    public Decision tryAcquire(TenantId tenant, WebhookId webhook, Instant now, Limits limits) {
        return scope.inTransaction(h -> {
            int tenantHeldBack = lockTenant(h, tenant);
            WebhookState state = lockWebhook(h, webhook);
            if (state.lastNotice().filter(last -> last.isAfter(now.minus(limits.webhookWindow()))).isPresent()) {
                holdBack(h, webhook);
                return new Decision.WebhookToldRecently();
            }
            Instant tenantWindowStart = now.minus(limits.tenantWindow());
            int sentInWindow = h.createQuery("SELECT COUNT(*) FROM notice_sends WHERE tenant = :tenant"
                            + " AND sent_at > :since")
                    .bind("tenant", tenant.value())
                    .bind("since", SqlTime.of(tenantWindowStart))
                    .mapTo(Integer.class)
                    .one();
            if (sentInWindow >= limits.perTenant()) {
                holdBack(h, webhook);
                h.createUpdate("UPDATE notice_tenants SET held_back = held_back + 1 WHERE tenant = :tenant")
                        .bind("tenant", tenant.value())
                        .execute();
                return new Decision.TenantLimitReached(tenantHeldBack + 1);
            }
            recordSent(h, tenant, webhook, now, tenantWindowStart);
            return new Decision.Send(state.heldBack());
        });
    }

    /** The tenant's count of held-back notices, its row locked until the transaction ends. */
    private static int lockTenant(Handle h, TenantId tenant) {
        h.createUpdate("INSERT INTO notice_tenants (tenant, held_back) VALUES (:tenant, 0) ON CONFLICT DO NOTHING")
                .bind("tenant", tenant.value())
                .execute();
        return h.createQuery("SELECT held_back FROM notice_tenants WHERE tenant = :tenant FOR UPDATE")
                .bind("tenant", tenant.value())
                .mapTo(Integer.class)
                .one();
    }

    private static WebhookState lockWebhook(Handle h, WebhookId webhook) {
        h.createUpdate("INSERT INTO notice_throttle (webhook_id, last_notice, held_back)"
                        + " VALUES (:webhook, NULL, 0) ON CONFLICT DO NOTHING")
                .bind("webhook", webhook.value())
                .execute();
        return h.createQuery("SELECT last_notice, held_back FROM notice_throttle WHERE webhook_id = :webhook"
                        + " FOR UPDATE")
                .bind("webhook", webhook.value())
                .map((rs, ctx) -> new WebhookState(SqlTime.readOptional(rs, "last_notice"), rs.getInt("held_back")))
                .one();
    }

    /** Counted for the webhook's next notice. */
    private static void holdBack(Handle h, WebhookId webhook) {
        h.createUpdate("UPDATE notice_throttle SET held_back = held_back + 1 WHERE webhook_id = :webhook")
                .bind("webhook", webhook.value())
                .execute();
    }

    private static void recordSent(Handle h, TenantId tenant, WebhookId webhook, Instant now, Instant windowStart) {
        h.createUpdate("UPDATE notice_throttle SET last_notice = :now, held_back = 0 WHERE webhook_id = :webhook")
                .bind("webhook", webhook.value())
                .bind("now", SqlTime.of(now))
                .execute();
        h.createUpdate("UPDATE notice_tenants SET held_back = 0 WHERE tenant = :tenant")
                .bind("tenant", tenant.value())
                .execute();
        h.createUpdate("DELETE FROM notice_sends WHERE tenant = :tenant AND sent_at <= :windowStart")
                .bind("tenant", tenant.value())
                .bind("windowStart", SqlTime.of(windowStart))
                .execute();
        h.createUpdate("INSERT INTO notice_sends (tenant, sent_at) VALUES (:tenant, :now)")
                .bind("tenant", tenant.value())
                .bind("now", SqlTime.of(now))
                .execute();
    }
}
