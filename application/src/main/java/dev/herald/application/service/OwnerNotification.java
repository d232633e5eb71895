package dev.herald.application.service;

import dev.herald.application.port.out.ForNotifyingOwners;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.application.port.out.ForThrottlingNotices;
import dev.herald.domain.Attempt;
import dev.herald.domain.Delivery;
import dev.herald.domain.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

/** E-mails a webhook's owner about a delivery that finally failed: at most one notice per webhook per window. */
public final class OwnerNotification {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    private static final System.Logger LOG = System.getLogger(OwnerNotification.class.getName());

    private final ForThrottlingNotices throttle;
    private final ForNotifyingOwners notifier;
    private final Clock clock;
    private final Duration window;
    private final Executor background;

    /**
     * {@code background} runs the notices of finally failed deliveries, so a slow mail server never holds up the
     * recording of outcomes ({@code Runnable::run} runs them at once, e.g. in tests).
     */
    public OwnerNotification(ForThrottlingNotices throttle, ForNotifyingOwners notifier, Clock clock,
                             Duration window, Executor background) {
        this.throttle = throttle;
        this.notifier = notifier;
        this.clock = clock;
        this.window = window;
        this.background = background;
    }

    /** After the last scheduled attempt failed; later failures within the window are counted for the next notice. */
    public void finallyFailed(Webhook webhook, Delivery delivery) {
        if (webhook.notificationEmail().isEmpty()) {
            return;
        }
        Instant failedAt = Now.of(clock);
        background.execute(() -> guarded(() -> throttle.tryAcquire(webhook.id(), failedAt, window)
                .ifPresent(heldBack -> notifier.notifyFailure(notice(webhook, delivery, heldBack)))));
    }

    /** Asked for explicitly (a manual re-send with notify_failure=true): not throttled. */
    public void failedOnRequest(Webhook webhook, Delivery delivery) {
        webhook.notificationEmail().ifPresent(to -> guarded(() -> notifier.notifyFailure(notice(webhook, delivery, 0))));
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
