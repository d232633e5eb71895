package dev.herald.domain.webhook;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import dev.herald.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's registered endpoint: where to deliver, which event types, who to tell about failures, how to sign, which
 * headers of its own to send, and whether deliveries to it are held ({@code disabledDate}: by the tenant, or by Herald
 * after failing for days).
 */
public record Webhook(
        WebhookId id,
        TenantId tenant,
        WebhookUrl url,
        Subscription subscription,
        Optional<EmailAddress> notificationEmail,
        WebhookSecret secret,
        Optional<RetiredSecret> previousSecret,
        Instant createdDate,
        Optional<Instant> updatedDate,
        boolean archived,
        Optional<Instant> disabledDate,
        Optional<RateLimit> rateLimit,
        WebhookHeaders headers) {

    public static final Duration MAX_GRACE = Duration.ofDays(7);

    public Webhook {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(url);
        Objects.requireNonNull(subscription);
        Objects.requireNonNull(notificationEmail);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(previousSecret);
        Objects.requireNonNull(createdDate);
        Objects.requireNonNull(updatedDate);
        Objects.requireNonNull(disabledDate);
        Objects.requireNonNull(rateLimit);
        Objects.requireNonNull(headers);
    }

    public static Webhook create(TenantId tenant, WebhookUrl url, Subscription subscription,
                                 Optional<EmailAddress> notificationEmail, WebhookSecret secret, Instant now) {
        return new Webhook(WebhookId.generate(), tenant, url, subscription, notificationEmail, secret,
                Optional.empty(), now, Optional.empty(), false, Optional.empty(), Optional.empty(),
                WebhookHeaders.NONE);
    }

    public Webhook withChanges(WebhookUrl newUrl, Subscription newSubscription, Optional<EmailAddress> newEmail,
                               Instant now) {
        return new Webhook(id, tenant, newUrl, newSubscription, newEmail, secret, previousSecret, createdDate,
                Optional.of(now), archived, disabledDate, rateLimit, headers);
    }

    /** Replaces the secret; the old one keeps signing for {@code grace} (0 to 7 days). */
    public Webhook withRotatedSecret(WebhookSecret newSecret, Duration grace, Instant now) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw InvalidInputException.of("grace", Violation.Rule.OUT_OF_RANGE,
                    "graceSeconds must be between 0 and " + MAX_GRACE.toSeconds());
        }
        Optional<RetiredSecret> retired = grace.isZero()
                ? Optional.empty() : Optional.of(new RetiredSecret(secret, now.plus(grace)));
        return new Webhook(id, tenant, url, subscription, notificationEmail, newSecret, retired, createdDate,
                Optional.of(now), archived, disabledDate, rateLimit, headers);
    }

    public Webhook archived(Instant now) {
        return new Webhook(id, tenant, url, subscription, notificationEmail, secret, previousSecret, createdDate,
                Optional.of(now), true, disabledDate, rateLimit, headers);
    }

    /** Deliveries to it are held, not sent, until it is enabled; a disabled one stays disabled since its first date. */
    public Webhook disabled(Instant now) {
        return new Webhook(id, tenant, url, subscription, notificationEmail, secret, previousSecret, createdDate,
                Optional.of(now), archived, Optional.of(disabledDate.orElse(now)), rateLimit, headers);
    }

    public Webhook enabled(Instant now) {
        return new Webhook(id, tenant, url, subscription, notificationEmail, secret, previousSecret, createdDate,
                Optional.of(now), archived, Optional.empty(), rateLimit, headers);
    }

    /** At most {@code limit} deliveries started per second (empty: no limit); the caller dates the change. */
    public Webhook withRateLimit(Optional<RateLimit> limit) {
        return new Webhook(id, tenant, url, subscription, notificationEmail, secret, previousSecret, createdDate,
                updatedDate, archived, disabledDate, limit, headers);
    }

    /** The tenant's own headers for every delivery (docs/API.md §6.1), replacing any before; the caller dates it. */
    public Webhook withHeaders(WebhookHeaders newHeaders) {
        return new Webhook(id, tenant, url, subscription, notificationEmail, secret, previousSecret, createdDate,
                updatedDate, archived, disabledDate, rateLimit, newHeaders);
    }

    public boolean isLive() {
        return !archived;
    }

    public boolean isDisabled() {
        return disabledDate.isPresent();
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, then the retired one in its grace period. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(secret);
        previousSecret.filter(r -> r.isValidAt(now)).ifPresent(r -> secrets.add(r.secret()));
        return secrets;
    }
}
