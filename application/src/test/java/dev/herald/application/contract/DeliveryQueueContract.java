package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.NO_LIMITS;
import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.answered;
import static dev.herald.application.contract.ContractFixtures.concurrently;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.unanswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForQueueingDeliveries.Backlog;
import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.port.out.ForQueueingDeliveries.Completion;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForQueueingDeliveries} does: the lease-based queue, completing and releasing claims, manual
 * attempts and cancelling; what it stored is read back through the {@link ForReadingDeliveryLog} beside it.
 */
public abstract class DeliveryQueueContract extends DeliveriesContract {
    private static final Duration LEASE = Duration.ofMinutes(1);


    private static List<DeliveryId> claimedIds(List<Claim> claims) {
        return claims.stream().map(c -> c.delivery().id()).toList();
    }

    private Claim claimOnly(Instant now) {
        List<Claim> claims = queue.claim(now, 10, ANY_SIZE, LEASE, NO_LIMITS);
        assertEquals(1, claims.size(), "claims at " + now);
        return claims.get(0);
    }

    private Delivery stored(Delivery delivery) {
        return log.find(delivery.tenant(), delivery.id()).orElseThrow();
    }

    // ---- Claiming ----
    @Test
    void claimsOnlyDueDeliveriesEarliestFirstUpToTheMaximum() {
        Delivery later = enqueued(minutes(2));
        Delivery earliest = enqueued(minutes(0));
        Delivery middle = enqueued(minutes(1));
        enqueued(minutes(10));

        assertEquals(List.of(earliest.id(), middle.id()), claimedIds(queue.claim(minutes(5), 2, ANY_SIZE, LEASE, NO_LIMITS)));
        assertEquals(List.of(later.id()), claimedIds(queue.claim(minutes(5), 2, ANY_SIZE, LEASE, NO_LIMITS)));
        assertEquals(List.of(), queue.claim(minutes(5), 2, ANY_SIZE, LEASE, NO_LIMITS));
    }

    @Test
    void aClaimGivesTheStoredDeliveryAndALeaseToken() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        assertEquals(delivery, claim.delivery());
        assertTrue(!claim.leaseToken().isBlank());
    }

    @Test
    void aLeasedDeliveryIsNotClaimedAgainUntilTheLeaseExpires() {
        enqueued(minutes(0));
        Claim first = claimOnly(minutes(0));
        assertEquals(List.of(), queue.claim(minutes(0).plus(LEASE).minusMillis(1), 10, ANY_SIZE, LEASE, NO_LIMITS));

        Claim again = claimOnly(minutes(0).plus(LEASE));
        assertEquals(first.delivery().id(), again.delivery().id());
        assertNotEquals(first.leaseToken(), again.leaseToken());
    }

    @Test
    void concurrentClaimersNeverGetTheSameDelivery() throws Exception {
        int total = 120;
        IntStream.range(0, total).forEach(i -> enqueued(minutes(0).plusMillis(i)));
        List<List<DeliveryId>> perWorker = concurrently(6, () -> {
            List<DeliveryId> mine = new ArrayList<>();
            List<Claim> batch;
            while (!(batch = queue.claim(minutes(1), 7, ANY_SIZE, Duration.ofHours(1), NO_LIMITS)).isEmpty()) {
                mine.addAll(claimedIds(batch));
            }
            return mine;
        });
        List<DeliveryId> all = perWorker.stream().flatMap(List::stream).toList();
        assertEquals(total, all.size(), "every delivery claimed exactly once");
        assertEquals(total, new HashSet<>(all).size(), "no delivery claimed twice");
    }

    @Test
    void aClaimStopsBeforeItsEventsDataPassesTheByteBoundCountingEachEventOnce() {
        Event wide = event(ACME, EventType.PATIENT_CREATED, minutes(0));
        deliveries.events().insert(wide);
        List<Delivery> fanOut = List.of(Delivery.of(wide, hook.id()), Delivery.of(wide, newWebhook(ACME).id()),
                Delivery.of(wide, newWebhook(ACME).id()));
        queue.enqueue(fanOut);
        Delivery later = enqueued(minutes(1));
        long oneEvent = wide.data().json().length();

        assertEquals(Set.copyOf(ids(fanOut)), Set.copyOf(claimedIds(queue.claim(minutes(5), 10, oneEvent, LEASE, NO_LIMITS))),
                "the fan-out of one event fits, its data counted once");
        assertEquals(List.of(later.id()), claimedIds(queue.claim(minutes(5), 10, oneEvent, LEASE, NO_LIMITS)),
                "the rest stayed due");
    }

    @Test
    void aClaimTakesOneDeliveryEvenWhenItsEventAloneIsOverTheByteBound() {
        Delivery first = enqueued(minutes(0));
        Delivery second = enqueued(minutes(1));
        assertEquals(List.of(first.id()), claimedIds(queue.claim(minutes(5), 10, 1, LEASE, NO_LIMITS)));
        assertEquals(List.of(second.id()), claimedIds(queue.claim(minutes(5), 10, 1, LEASE, NO_LIMITS)));
    }

    // ---- The backlog (the metrics' queue gauges) ----
    @Test
    void theBacklogCountsUnfinishedDeliveriesAndGivesTheOldestDueOne() {
        assertEquals(new Backlog(0, Optional.empty()), queue.backlog(minutes(0)));
        enqueued(minutes(1));
        enqueued(minutes(2));
        enqueued(minutes(10));

        assertEquals(new Backlog(3, Optional.empty()), queue.backlog(minutes(0)), "none due yet");
        assertEquals(new Backlog(3, Optional.of(minutes(1))), queue.backlog(minutes(5)));
        Claim claim = queue.claim(minutes(5), 1, ANY_SIZE, LEASE, NO_LIMITS).get(0);
        assertEquals(new Backlog(3, Optional.of(minutes(2))), queue.backlog(minutes(5)),
                "a claimed delivery is unfinished, but no longer due until its lease ends");
        Attempt delivered = answered(1, minutes(5), 200);
        queue.complete(List.of(new Completion(claim, claim.delivery().after(delivered, Optional.empty()),
                Optional.of(delivered))));
        assertEquals(new Backlog(2, Optional.of(minutes(2))), queue.backlog(minutes(5)), "a delivered one is gone");
    }

    // ---- Completing ----
    @Test
    void aPendingOutcomeIsDueAgainAtItsNextAttemptDateAndNotBefore() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        Attempt attempt = answered(1, minutes(0), 503);
        Delivery updated = delivery.after(attempt, Optional.of(minutes(5)));
        queue.complete(List.of(new Completion(claim, updated, Optional.of(attempt))));

        assertEquals(updated, stored(delivery));
        assertEquals(List.of(attempt), log.attempts(List.of(delivery.id())).get(delivery.id()));
        assertEquals(List.of(), queue.claim(minutes(5).minusMillis(1), 10, ANY_SIZE, LEASE, NO_LIMITS));
        assertEquals(updated, claimOnly(minutes(5)).delivery());
    }

    @Test
    void aFinalOutcomeLeavesTheQueueButStaysReadable() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        Attempt attempt = answered(1, minutes(0).plusMillis(250), 204);
        Delivery updated = delivery.after(attempt, Optional.of(minutes(5)));
        queue.complete(List.of(new Completion(claim, updated, Optional.of(attempt))));

        assertEquals(DeliveryStatus.DELIVERED, stored(delivery).status());
        assertEquals(updated, stored(delivery));
        assertEquals(List.of(attempt), log.attempts(List.of(delivery.id())).get(delivery.id()));
        assertEquals(List.of(), queue.claim(minutes(60 * 24 * 365), 10, ANY_SIZE, LEASE, NO_LIMITS));
    }

    @Test
    void aFailedOutcomeLeavesTheQueue() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        Attempt attempt = unanswered(1, minutes(0), "timed out");
        queue.complete(List.of(new Completion(claim, delivery.after(attempt, Optional.empty()),
                Optional.of(attempt))));
        assertEquals(DeliveryStatus.FAILED, stored(delivery).status());
        assertEquals(List.of(), queue.claim(minutes(60), 10, ANY_SIZE, LEASE, NO_LIMITS));
    }

    @Test
    void aCompletionWithALostLeaseIsIgnored() {
        Delivery delivery = enqueued(minutes(0));
        Claim stale = claimOnly(minutes(0));
        Claim current = claimOnly(minutes(0).plus(LEASE));
        Attempt late = answered(1, minutes(3), 200);
        queue.complete(List.of(new Completion(stale, delivery.after(late, Optional.empty()),
                Optional.of(late))));

        assertEquals(delivery, stored(delivery));
        assertEquals(List.of(), log.attempts(List.of(delivery.id())).get(delivery.id()));

        Attempt attempt = answered(1, minutes(3), 500);
        Delivery updated = delivery.after(attempt, Optional.of(minutes(4)));
        queue.complete(List.of(new Completion(current, updated, Optional.of(attempt))));
        assertEquals(updated, stored(delivery));
    }

    @Test
    void completesABatchOfClaims() {
        Delivery succeeded = enqueued(minutes(0));
        Delivery retried = enqueued(minutes(0).plusMillis(1));
        List<Claim> claims = queue.claim(minutes(1), 10, ANY_SIZE, LEASE, NO_LIMITS);
        Attempt ok = answered(1, minutes(1), 200);
        Attempt failed = answered(1, minutes(1), 500);
        queue.complete(List.of(
                new Completion(claims.get(0), succeeded.after(ok, Optional.empty()), Optional.of(ok)),
                new Completion(claims.get(1), retried.after(failed, Optional.of(minutes(2))), Optional.of(failed))));

        assertEquals(DeliveryStatus.DELIVERED, stored(succeeded).status());
        assertEquals(DeliveryStatus.PENDING, stored(retried).status());
        assertEquals(List.of(retried.id()), claimedIds(queue.claim(minutes(2), 10, ANY_SIZE, LEASE, NO_LIMITS)));
    }

    @Test
    void aCompletionWithoutAnAttemptStoresTheDeliveryAndLeavesTheQueue() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        queue.complete(List.of(new Completion(claim, delivery.cancelled(), Optional.empty())));
        assertEquals(delivery.cancelled(), stored(delivery));
        assertEquals(List.of(), log.attempts(List.of(delivery.id())).get(delivery.id()));
        assertEquals(List.of(), queue.claim(minutes(60), 10, ANY_SIZE, LEASE, NO_LIMITS));
    }

    @Test
    void aReleasedClaimIsDueAtOnce() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = queue.claim(minutes(1), 10, ANY_SIZE, Duration.ofHours(1), NO_LIMITS).get(0);
        queue.release(List.of(claim));
        assertEquals(delivery, claimOnly(minutes(1)).delivery());
    }

    @Test
    void releasingALostLeaseChangesNothing() {
        enqueued(minutes(0));
        Claim stale = claimOnly(minutes(0));
        claimOnly(minutes(0).plus(LEASE));
        queue.release(List.of(stale));
        assertEquals(List.of(), queue.claim(minutes(0).plus(LEASE), 10, ANY_SIZE, LEASE, NO_LIMITS));
    }

    @Test
    void aRecordedFinalAttemptTakesTheDeliveryOffTheQueue() {
        Delivery delivery = enqueued(minutes(0));
        Attempt manual = answered(1, minutes(0), 200);
        Delivery updated = delivery.after(manual, Optional.empty());
        queue.recordManualAttempt(updated, manual);
        assertEquals(updated, stored(delivery));
        assertEquals(List.of(), queue.claim(minutes(60), 10, ANY_SIZE, LEASE, NO_LIMITS));
    }

    @Test
    void aRecordedPendingAttemptLeavesAWorkersLeaseAlone() {
        Delivery delivery = enqueued(minutes(0));
        claimOnly(minutes(0));
        Attempt manual = answered(1, minutes(1), 500);
        Delivery updated = delivery.afterManual(manual);
        queue.recordManualAttempt(updated, manual);
        assertEquals(updated, stored(delivery));
        assertEquals(List.of(), queue.claim(minutes(0).plusSeconds(30), 10, ANY_SIZE, LEASE, NO_LIMITS),
                "still leased by the worker that claimed it");
        assertEquals(delivery.id(), claimOnly(minutes(0).plus(LEASE)).delivery().id());
    }

    // ---- Cancelling ----
    @Test
    void cancelsOnlyThePendingDeliveriesOfThatWebhook() {
        Delivery pending = enqueued(minutes(0));
        Delivery delivered = enqueued(minutes(1));
        Attempt ok = answered(1, minutes(1), 200);
        queue.recordManualAttempt(delivered.after(ok, Optional.empty()), ok);
        Webhook otherHook = newWebhook(ACME);
        Delivery otherHooks = enqueued(otherHook, EventType.PATIENT_CREATED, minutes(2));

        assertEquals(1, queue.cancelPending(ACME, hook.id()));

        assertEquals(DeliveryStatus.CANCELLED, stored(pending).status());
        assertEquals(Optional.empty(), stored(pending).nextAttemptDate());
        assertEquals(DeliveryStatus.DELIVERED, stored(delivered).status());
        assertEquals(List.of(otherHooks.id()), claimedIds(queue.claim(minutes(10), 10, ANY_SIZE, LEASE, NO_LIMITS)));
    }

    @Test
    void anotherTenantCannotCancel() {
        Delivery pending = enqueued(minutes(0));
        assertEquals(0, queue.cancelPending(GLOBEX, hook.id()));
        assertEquals(DeliveryStatus.PENDING, stored(pending).status());
    }

    @Test
    void aCancelledDeliveryInFlightStaysCancelled() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        assertEquals(1, queue.cancelPending(ACME, hook.id()));
        Attempt attempt = answered(1, minutes(0), 500);
        queue.complete(List.of(new Completion(claim, delivery.after(attempt, Optional.of(minutes(1))),
                Optional.of(attempt))));
        assertEquals(DeliveryStatus.CANCELLED, stored(delivery).status());
        assertEquals(List.of(), queue.claim(minutes(10), 10, ANY_SIZE, LEASE, NO_LIMITS));
    }
}
