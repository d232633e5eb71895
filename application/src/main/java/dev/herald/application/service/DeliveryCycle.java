package dev.herald.application.service;

import dev.herald.application.config.DispatcherSettings;
import dev.herald.application.port.out.ForLoggingIncidents;
import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.port.out.ForQueueingDeliveries.Completion;
import dev.herald.application.port.out.ForQueueingDeliveries.HealthChange;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.domain.UnavailableException;
import dev.herald.domain.delivery.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The delivery cycle: claim due deliveries, attempt each, complete them in the queue, tell owners of those that failed
 * for good. {@link #runOnce} is the whole cycle as one synchronous pass; {@link DeliveryDispatcher} runs the same steps
 * on its threads, claiming while earlier sends are still out and completing outcomes in batches as they arrive.
 */
public final class DeliveryCycle {
    /** The dispatcher's log, as the cycle's steps have always logged under it. */
    private static final System.Logger LOG = System.getLogger(DeliveryDispatcher.class.getName());
    /**
     * A claim stops before its events' data passes this (each event counted once, at least one delivery), so a batch
     * of large events cannot exhaust the heap; a wide fan-out of one event shares one copy of its data.
     */
    static final long BATCH_DATA_BYTES = 4L << 20;

    private final ForQueueingDeliveries queue;
    private final DeliveryAttempts attempts;
    private final OwnerNotification notification;
    private final Clock clock;
    private final DispatcherSettings settings;
    private final EndpointDisabling disabling;
    private final QueueOutage outage = new QueueOutage();
    private final ForLoggingIncidents incidents;

    DeliveryCycle(ForQueueingDeliveries queue, DeliveryAttempts attempts, OwnerNotification notification,
                  EndpointDisabling disabling, Clock clock, DispatcherSettings settings, ForLoggingIncidents incidents) {
        this.queue = queue;
        this.incidents = incidents;
        this.disabling = disabling;
        this.attempts = attempts;
        this.notification = notification;
        this.clock = clock;
        this.settings = settings;
    }

    /** One claimed delivery and what its attempt did. */
    record Sent(Claim claim, DeliveryAttempts.Outcome outcome) {
    }

    /**
     * What one pass did: how many deliveries it claimed, and each as its attempt left it (CANCELLED, unsent, when its
     * webhook was archived meanwhile); one given back unsent is not among them.
     */
    public record Pass(int claimed, List<Delivery> deliveries) {
        public Pass {
            deliveries = List.copyOf(deliveries);
        }
    }

    /**
     * Claims one batch, attempts every delivery in it, waits for all of them, completes them and notifies owners; what
     * it did. A send that breaks down before an outcome is given back, due at once.
     */
    public Pass runOnce() {
        List<Claim> claims = claim(settings.batchSize());
        List<CompletableFuture<DeliveryAttempts.Outcome>> sends;
        try {
            sends = send(claims);
        } catch (RuntimeException | OutOfMemoryError e) {
            giveBack(claims, e);
            return new Pass(claims.size(), List.of());
        }
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            try {
                sent.add(new Sent(claims.get(i), sends.get(i).join()));
            } catch (CompletionException e) {
                giveBack(List.of(claims.get(i)), e.getCause());
            }
        }
        complete(sent);
        return new Pass(claims.size(), sent.stream().map(s -> s.outcome().delivery()).toList());
    }

    DispatcherSettings settings() {
        return settings;
    }

    /**
     * Up to {@code max} due deliveries, leased; none when claiming fails (the outage logs it once, and
     * {@link #idlePause} grows until a claim works again).
     */
    List<Claim> claim(int max) {
        List<Claim> claims;
        try {
            claims = queue.claim(clock.instant(), max, BATCH_DATA_BYTES, settings.lease(), settings.endpoints());
        } catch (RuntimeException | OutOfMemoryError e) {
            outage.failed("claiming deliveries", e);
            return List.of();
        }
        outage.ended();
        return claims;
    }

    /** How long to wait for work after a claim that filled no slot: the poll interval, or longer while failing. */
    Duration idlePause() {
        return outage.ongoing() ? outage.pause() : settings.pollInterval();
    }

    /** Starts the attempt of each claim, in order; a future that fails is a send that broke down before an outcome. */
    List<CompletableFuture<DeliveryAttempts.Outcome>> send(List<Claim> claims) {
        return attempts.sendAll(claims);
    }

    /**
     * Completes a batch and notifies the owners of deliveries that failed for good; if that fails, each outcome alone,
     * so one that cannot be recorded does not hold back the rest. What still fails keeps its lease and is claimed
     * again when the lease ends: sent twice, never lost. Logged by id only: the tenant's data never reaches the log.
     */
    void complete(List<Sent> batch) {
        if (!tryComplete(batch)) {
            LOG.log(System.Logger.Level.WARNING, "recording " + batch.size() + " outcomes failed: the database is "
                    + "unavailable; they are sent again when their leases end");
        }
    }

    /**
     * Like {@link #complete}, except that while the database is unavailable it records nothing and answers false, for
     * the caller to try again after {@link #pauseAfterFailure} while the sends' leases still hold: a send whose
     * receiver answered during an outage is recorded once the database is back, not sent a second time.
     */
    boolean tryComplete(List<Sent> batch) {
        try {
            completeAndNotify(batch);
            outage.ended();
            return true;
        } catch (UnavailableException e) {
            outage.failed("recording outcomes", e);
            return false;
        } catch (RuntimeException | OutOfMemoryError e) {
            if (batch.size() == 1) {
                logUnrecorded(batch.get(0), e);
                return true;
            }
            LOG.log(System.Logger.Level.WARNING, "recording " + batch.size() + " outcomes failed ("
                    + e.getClass().getSimpleName() + "); recording them one by one");
        }
        for (Sent one : batch) {
            try {
                completeAndNotify(List.of(one));
            } catch (RuntimeException | OutOfMemoryError e) {
                logUnrecorded(one, e);
            }
        }
        return true;
    }

    /** How long to wait before trying again after a failure to reach the queue. */
    Duration pauseAfterFailure() {
        return outage.pause();
    }

    private void completeAndNotify(List<Sent> batch) {
        List<HealthChange> changes = queue.complete(batch.stream()
                .map(s -> new Completion(s.claim(), s.outcome().delivery(), s.outcome().attempt()))
                .toList());
        batch.stream().filter(s -> s.outcome().finallyFailed()).forEach(s -> {
            incidents.log(Incidents.finallyFailed(s.outcome().delivery()));
            notification.finallyFailed(s.outcome().webhook().orElseThrow(), s.outcome().delivery());
        });
        disabling.logCircuits(changes);
        try {
            disabling.afterSends(batch);
        } catch (RuntimeException e) {
            // The outcomes are recorded; the next failed send looks again.
            LOG.log(System.Logger.Level.WARNING, "disabling failing webhooks failed; trying after the next failure", e);
        }
    }

    private static void logUnrecorded(Sent sent, Throwable cause) {
        var delivery = sent.outcome().delivery();
        LOG.log(System.Logger.Level.WARNING, "recording the outcome of delivery " + delivery.id().value()
                + " (tenant " + delivery.tenant().value() + ", webhook " + delivery.webhookId().value()
                + ") failed; it is sent again when its lease ends", cause);
    }

    /** Claims whose sending broke down before an outcome: back to the queue, due at once. */
    void giveBack(List<Claim> claims, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "sending " + claims.size() + " deliveries failed; giving them back", cause);
        try {
            queue.release(claims);
        } catch (RuntimeException e) {
            // Their leases stay, so they are claimed again when those end: late, never lost.
            LOG.log(System.Logger.Level.WARNING, "giving back " + claims.size() + " deliveries failed", e);
        }
    }

    /** Claims still unsent when this node stops: back to the queue, due at once, for another node or the next start. */
    void releaseUnfinished(List<Claim> claims) {
        if (!claims.isEmpty()) {
            queue.release(claims);
            LOG.log(System.Logger.Level.INFO, "released {0} unfinished deliveries", claims.size());
        }
    }
}
