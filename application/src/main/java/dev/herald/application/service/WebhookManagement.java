package dev.herald.application.service;

import dev.herald.application.config.TenantLimits;
import dev.herald.application.port.in.ForManagingWebhooks;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForRunningTransactions;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.ListPosition;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.Page;
import dev.herald.domain.Violation;
import dev.herald.domain.endpoint.CircuitBreaker;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.RateLimit;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.Subscription;
import dev.herald.domain.webhook.UrlPolicy;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookHeaders;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookSecret;
import dev.herald.domain.webhook.WebhookUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The webhook use cases of docs/API.md §4. */
final class WebhookManagement implements ForManagingWebhooks {
    private final ForStoringWebhooks webhooks;
    private final ForQueueingDeliveries queue;
    private final ForRunningTransactions transactions;
    private final Clock clock;
    private final UrlPolicy urlPolicy;
    private final SecretGenerator secrets;
    private final TenantQuota limits;
    private final CircuitBreaker breaker;

    WebhookManagement(ForStoringWebhooks webhooks, ForQueueingDeliveries queue,
                             ForRunningTransactions transactions, Clock clock, UrlPolicy urlPolicy,
                             SecretGenerator secrets, TenantLimits limits, CircuitBreaker breaker) {
        this.webhooks = webhooks;
        this.breaker = breaker;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
        this.urlPolicy = urlPolicy;
        this.secrets = secrets;
        this.limits = new TenantQuota(limits);
    }

    @Override
    public Webhook create(TenantId tenant, CreateWebhook command) {
        Validation validation = new Validation();
        WebhookUrl url = command.url() == null ? validation.missing("url") : validation.check(() -> urlPolicy.check(command.url()));
        Subscription subscription = command.subscriptions() == null ? validation.missing("subscriptions")
                : validation.check(() -> subscription(command.subscriptions()));
        Optional<EmailAddress> email = validation.check(() -> email(command.notificationEmail()));
        Optional<RateLimit> rate = validation.check(() -> RateLimit.of(command.rateLimit()));
        WebhookHeaders headers = validation.check(() -> WebhookHeaders.of(command.headers()));
        validation.throwIfInvalid();
        Webhook webhook = Webhook.create(tenant, url, subscription, email, WebhookSecret.generate(secrets), Now.of(clock))
                .withRateLimit(rate).withHeaders(headers);
        return transactions.inTransaction(() -> {
            limits.checkWebhookCount(webhooks.countLive(tenant));
            checkNewSubscriptions(tenant, subscription, Set.of());
            webhooks.insert(webhook);
            return webhook;
        });
    }

    @Override
    public Webhook get(TenantId tenant, WebhookId id) {
        return live(tenant, id);
    }

    @Override
    public Webhook update(TenantId tenant, WebhookId id, UpdateWebhook command) {
        Validation validation = new Validation();
        WebhookUrl url = command.url() == null ? null : validation.check(() -> urlPolicy.check(command.url()));
        Subscription subscription = command.subscriptions() == null ? null
                : validation.check(() -> subscription(command.subscriptions()));
        Optional<EmailAddress> email = command.notificationEmailGiven()
                ? validation.check(() -> email(command.notificationEmail())) : null;
        Optional<RateLimit> rate = command.rateLimitGiven() ? validation.check(() -> RateLimit.of(command.rateLimit()))
                : null;
        WebhookHeaders headers = command.headersGiven() ? validation.check(() -> WebhookHeaders.of(command.headers()))
                : null;
        validation.throwIfInvalid();
        return transactions.inTransaction(() -> {
            Webhook current = live(tenant, id);
            if (subscription != null) {
                checkNewSubscriptions(tenant, subscription, current.subscription().eventTypes());
            }
            Webhook changed = current.withChanges(
                    url == null ? current.url() : url,
                    subscription == null ? current.subscription() : subscription,
                    email == null ? current.notificationEmail() : email,
                    Now.of(clock)).withRateLimit(rate == null ? current.rateLimit() : rate)
                    .withHeaders(headers == null ? current.headers() : headers);
            Webhook updated = Boolean.TRUE.equals(command.disabled()) ? changed.disabled(Now.of(clock))
                    : Boolean.FALSE.equals(command.disabled()) ? enabled(changed) : changed;
            webhooks.update(updated);
            return updated;
        });
    }

    @Override
    public Webhook enable(TenantId tenant, WebhookId id) {
        return transactions.inTransaction(() -> {
            Webhook current = live(tenant, id);
            if (!current.isDisabled()) {
                return current;
            }
            Webhook enabled = enabled(current);
            webhooks.update(enabled);
            return enabled;
        });
    }

    /** The webhook enabled, if it was disabled, with a fresh start for its endpoint. */
    private Webhook enabled(Webhook webhook) {
        if (!webhook.isDisabled()) {
            return webhook;
        }
        queue.freshStart(webhook.tenant(), webhook.id(), Now.of(clock));
        return webhook.enabled(Now.of(clock));
    }

    @Override
    public int recover(TenantId tenant, WebhookId id, Instant since) {
        return transactions.inTransaction(() -> queue.recover(tenant, live(tenant, id).id(), since, Now.of(clock)));
    }

    @Override
    public List<Webhook> list(TenantId tenant, boolean includeArchived) {
        return webhooks.list(tenant, includeArchived);
    }

    @Override
    public Page<Webhook> page(TenantId tenant, boolean includeArchived, int limit, Optional<ListPosition> after) {
        return webhooks.page(tenant, includeArchived, limit, after);
    }

    @Override
    public Map<WebhookId, EndpointStatus> health(TenantId tenant, List<WebhookId> ids) {
        Instant now = Now.of(clock);
        Map<WebhookId, EndpointStatus> statuses = new LinkedHashMap<>();
        queue.health(tenant, ids).forEach((id, health) -> statuses.put(id, new EndpointStatus(
                breaker.state(health, now), health.consecutiveFailures(), health.failingSince(),
                health.lastError())));
        return statuses;
    }

    @Override
    public void delete(TenantId tenant, WebhookId id) {
        transactions.inTransaction(() -> {
            webhooks.update(live(tenant, id).archived(Now.of(clock)));
            return queue.cancelPending(tenant, id);
        });
    }

    @Override
    public Webhook rotateSecret(TenantId tenant, WebhookId id, Duration grace) {
        WebhookSecret next = WebhookSecret.generate(secrets);
        return transactions.inTransaction(() -> {
            Webhook rotated = live(tenant, id).withRotatedSecret(next, grace, Now.of(clock));
            webhooks.update(rotated);
            return rotated;
        });
    }

    /** Each event type {@code wanted} adds to {@code had} gains a subscriber: within the limit of its fan-out? */
    private void checkNewSubscriptions(TenantId tenant, Subscription wanted, Set<EventType> had) {
        for (EventType type : wanted.eventTypes()) {
            if (!had.contains(type)) {
                limits.checkNewSubscriber(type.name(), webhooks.countLiveSubscribers(tenant, type));
            }
        }
    }

    private Webhook live(TenantId tenant, WebhookId id) {
        return webhooks.find(tenant, id).filter(Webhook::isLive).orElseThrow(NotFoundException::webhook);
    }

    private static Subscription subscription(List<String> names) {
        Validation validation = new Validation();
        List<EventType> types = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = Violation.item("subscriptions", i);
            types.add(validation.check(() -> EventType.parse(name, field)));
        }
        validation.throwIfInvalid();
        return Subscription.of(types);
    }

    private static Optional<EmailAddress> email(String address) {
        return Optional.ofNullable(address).map(EmailAddress::new);
    }
}
