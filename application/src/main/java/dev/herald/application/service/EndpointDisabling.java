package dev.herald.application.service;

import dev.herald.application.port.out.ForLoggingIncidents;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForQueueingDeliveries.HealthChange;
import dev.herald.application.port.out.ForRunningTransactions;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.application.service.DeliveryCycle.Sent;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Disables a webhook whose endpoint has failed every send for longer than {@link EndpointLimits#disableAfter}, and
 * tells its owner (docs/API.md §6.8): its deliveries are then held, not sent, until the tenant enables it. Looked at
 * after each batch of outcomes, for the endpoints that just failed a real send. Logs each endpoint's circuit opening
 * and closing, and each webhook it disables (docs/API.md §8.6).
 */
final class EndpointDisabling {
    private final ForStoringWebhooks webhooks;
    private final ForQueueingDeliveries queue;
    private final ForRunningTransactions transactions;
    private final OwnerNotification notification;
    private final Clock clock;
    private final EndpointLimits limits;
    private final ForLoggingIncidents incidents;

    EndpointDisabling(ForStoringWebhooks webhooks, ForQueueingDeliveries queue, ForRunningTransactions transactions,
                      OwnerNotification notification, Clock clock, EndpointLimits limits,
                      ForLoggingIncidents incidents) {
        this.webhooks = webhooks;
        this.incidents = incidents;
        this.queue = queue;
        this.transactions = transactions;
        this.notification = notification;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * One line per endpoint whose circuit the recorded sends opened or closed. A failed probe keeps it open (longer):
     * not a change. Exact on every node, as each change was read under the lock that recorded it.
     */
    void logCircuits(List<HealthChange> changes) {
        for (HealthChange change : changes) {
            Optional<Instant> openedUntil = limits.breaker().openUntil(change.after());
            boolean wasOpen = limits.breaker().openUntil(change.before()).isPresent();
            if (!wasOpen && openedUntil.isPresent()) {
                incidents.log(Incidents.circuitOpened(change.tenant(), change.webhook(), change.after(),
                        openedUntil.get()));
            } else if (wasOpen && openedUntil.isEmpty()) {
                incidents.log(Incidents.circuitClosed(change.tenant(), change.webhook(), change.before()));
            }
        }
    }

    /** Disables those of the batch's endpoints that failed a send and have been failing long enough. */
    void afterSends(List<Sent> batch) {
        if (limits.disableAfter().isZero()) {
            return;
        }
        Map<TenantId, Set<WebhookId>> failed = new LinkedHashMap<>();
        batch.stream()
                .filter(s -> s.claim().send() && s.outcome().attempt().filter(a -> !a.succeeded()).isPresent())
                .forEach(s -> failed.computeIfAbsent(s.claim().delivery().tenant(), t -> new LinkedHashSet<>())
                        .add(s.claim().delivery().webhookId()));
        Instant now = Now.of(clock);
        failed.forEach((tenant, ids) -> queue.health(tenant, ids).forEach((id, health) -> {
            if (limits.shouldDisable(health, now)) {
                disable(tenant, id, health, now);
            }
        }));
    }

    private void disable(TenantId tenant, WebhookId id, EndpointHealth health, Instant now) {
        Optional<Webhook> disabled = transactions.inTransaction(() -> webhooks.find(tenant, id)
                .filter(w -> w.isLive() && !w.isDisabled())
                .map(w -> {
                    Webhook off = w.disabled(now);
                    webhooks.update(off);
                    return off;
                }));
        disabled.ifPresent(webhook -> {
            incidents.log(Incidents.disabled(tenant, id, health));
            notification.disabled(webhook, health);
        });
    }
}
