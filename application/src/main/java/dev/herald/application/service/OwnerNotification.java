package dev.herald.application.service;

import dev.herald.application.port.out.ForNotifyingOwners.DisabledNotice;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.application.port.out.ForThrottlingNotices.Decision;
import dev.herald.application.port.out.ForThrottlingNotices.Limits;
import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.webhook.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * E-mails a webhook's owner about failed deliveries, within the {@link Limits}: at most one notice per webhook per
 * window (the next one says how many were held back) and a few per tenant per window, whether the failure was final
 * or a manual re-send asked for the notice. The owner's address is whatever the tenant typed, unverified, so these
 * limits are what keeps Herald from being a way to flood someone's inbox.
 */
public final class OwnerNotification {
    private static final System.Logger LOG = System.getLogger(OwnerNotification.class.getName());

    private final ForThrottlingNotices throttle;
    private final ForNotifyingOwners notifier;
    private final Clock clock;
    private final Limits limits;
    private final Executor background;

    /**
     * {@code background} runs the notices, so a slow mail server never holds up the recording of outcomes or the
     * answer to a re-send ({@code Runnable::run} runs them at once, e.g. in tests).
     */
    public OwnerNotification(ForThrottlingNotices throttle, ForNotifyingOwners notifier, Clock clock, Limits limits,
                             Executor background) {
        this.throttle = throttle;
        this.notifier = notifier;
        this.clock = clock;
        this.limits = limits;
        this.background = background;
    }

    /** After the last scheduled attempt failed. */
    public void finallyFailed(Webhook webhook, Delivery delivery) {
        notifyWithinLimits(webhook, delivery);
    }

    /** Asked for by a manual re-send with notify_failure=true: throttled like the others, since anyone can ask. */
    public void failedOnRequest(Webhook webhook, Delivery delivery) {
        notifyWithinLimits(webhook, delivery);
    }

    /**
     * After Herald disabled the webhook: one notice per disabling, outside the failure notices' limits (a failure
     * notice sent minutes before must not hold back the one that says nothing more will be sent).
     */
    public void disabled(Webhook webhook, EndpointHealth health) {
        webhook.notificationEmail().ifPresent(to -> inBackground(webhook, () -> notifier.notifyDisabled(
                new DisabledNotice(to, webhook.id(), webhook.url(), health.failingSince().orElse(Now.of(clock)),
                        health.lastError().orElse("unknown error")))));
    }

    private void notifyWithinLimits(Webhook webhook, Delivery delivery) {
        if (webhook.notificationEmail().isEmpty()) {
            return;
        }
        Instant failedAt = Now.of(clock);
        inBackground(webhook, () -> {
            Decision decision = throttle.tryAcquire(webhook.tenant(), webhook.id(), failedAt, limits);
            if (decision instanceof Decision.Send send) {
                notifier.notifyFailure(notice(webhook, delivery, send.heldBackSince()));
            } else if (decision instanceof Decision.TenantLimitReached reached) {
                logHeldBack(webhook, reached.heldBack());
            }
        });
    }

    private void inBackground(Webhook webhook, Runnable notify) {
        try {
            background.execute(() -> guarded(notify));
        } catch (RejectedExecutionException stopping) {
            // Only while Herald closes; the re-send or outcome that asked for the notice must still succeed.
            LOG.log(System.Logger.Level.WARNING, "notice for webhook " + webhook.id().value()
                    + " not sent: Herald is stopping");
        }
    }

    /** The first notice a tenant's limit holds back is a warning; the rest of the run would only flood the log. */
    private void logHeldBack(Webhook webhook, int heldBack) {
        System.Logger.Level level = heldBack == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        LOG.log(level, () -> "failure notice for webhook " + webhook.id().value() + " held back: tenant "
                + webhook.tenant().value() + " was sent " + limits.perTenant() + " notices within "
                + limits.tenantWindow() + " (" + heldBack + " held back since its last one)");
    }

    private static FailureNotice notice(Webhook webhook, Delivery delivery, int heldBack) {
        return new FailureNotice(webhook.notificationEmail().orElseThrow(), webhook.id(), webhook.url(),
                delivery.type(), delivery.id(), lastOutcome(delivery), heldBack);
    }

    /** "HTTP 503" or the error of the last attempt. */
    static String lastOutcome(Delivery delivery) {
        return delivery.lastAttempt().map(OwnerNotification::describe).orElse("not attempted");
    }

    private static String describe(Attempt attempt) {
        return attempt.status().map(s -> "HTTP " + s).orElseGet(() -> attempt.error().orElse("unknown error"));
    }

    /** A notice is a courtesy: failing to send one must never disturb delivery. */
    private static void guarded(Runnable notify) {
        try {
            notify.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not notify a webhook owner", e);
        }
    }
}
