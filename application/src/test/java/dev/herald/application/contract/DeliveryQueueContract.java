package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ANY_SIZE;
import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.answered;
import static dev.herald.application.contract.ContractFixtures.concurrently;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.unanswered;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.in.DeliveryQuery;
import dev.herald.application.port.in.DeliveryQuery.SortBy;
import dev.herald.application.port.in.DeliveryQuery.SortDirection;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.application.port.out.ForQueueingDeliveries.Claim;
import dev.herald.application.port.out.ForQueueingDeliveries.Completion;
import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.application.port.out.ForStoringWebhooks;
import dev.herald.domain.Attempt;
import dev.herald.domain.Delivery;
import dev.herald.domain.DeliveryId;
import dev.herald.domain.DeliveryStatus;
import dev.herald.domain.Event;
import dev.herald.domain.EventType;
import dev.herald.domain.TenantId;
import dev.herald.domain.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ForQueueingDeliveries} does: the delivery log, the lease-based queue, and the list query. */
public abstract class DeliveryQueueContract {
    private static final Duration LEASE = Duration.ofMinutes(1);

    /** An empty queue, with the stores its deliveries' webhooks and events go into (a database may insist on them). */
    protected abstract QueueUnderTest emptyQueue();

    public record QueueUnderTest(ForQueueingDeliveries queue, ForStoringWebhooks webhooks, ForStoringEvents events) {
    }

    private ForQueueingDeliveries queue;
    private ForStoringWebhooks webhooks;
    private ForStoringEvents events;
    private Webhook hook;

    @BeforeEach
    void startEmpty() {
        QueueUnderTest underTest = emptyQueue();
        queue = underTest.queue();
        webhooks = underTest.webhooks();
        events = underTest.events();
        hook = newWebhook(ACME);
    }

    private Webhook newWebhook(TenantId tenant) {
        Webhook webhook = webhook(tenant, minutes(0), EventType.values());
        webhooks.insert(webhook);
        return webhook;
    }

    /** A new delivery to {@code webhook}, enqueued, due at its creation. */
    private Delivery enqueued(Webhook webhook, EventType type, Instant created) {
        Event event = event(webhook.tenant(), type, created);
        events.insert(event);
        Delivery delivery = Delivery.of(event, webhook.id());
        queue.enqueue(List.of(delivery));
        return delivery;
    }

    private Delivery enqueued(Instant created) {
        return enqueued(hook, EventType.PATIENT_CREATED, created);
    }

    private static List<DeliveryId> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }

    private static List<DeliveryId> claimedIds(List<Claim> claims) {
        return claims.stream().map(c -> c.delivery().id()).toList();
    }

    private Claim claimOnly(Instant now) {
        List<Claim> claims = queue.claim(now, 10, ANY_SIZE, LEASE);
        assertEquals(1, claims.size(), "claims at " + now);
        return claims.get(0);
    }

    private Delivery stored(Delivery delivery) {
        return queue.find(delivery.tenant(), delivery.id()).orElseThrow();
    }

    // ---- Storing ----
    @Test
    void findsADeliveryUnchanged() {
        Delivery delivery = enqueued(minutes(0));
        assertEquals(Optional.of(delivery), queue.find(ACME, delivery.id()));
    }

    @Test
    void anotherTenantsDeliveryIsNotFound() {
        Delivery delivery = enqueued(minutes(0));
        assertTrue(queue.find(GLOBEX, delivery.id()).isEmpty());
        assertTrue(queue.find(ACME, DeliveryId.generate()).isEmpty());
    }

    @Test
    void aDeliveryWithoutAttemptsHasAnEmptyList() {
        Delivery delivery = enqueued(minutes(0));
        DeliveryId unknown = DeliveryId.generate();
        assertEquals(Map.of(delivery.id(), List.of(), unknown, List.of()),
                queue.attempts(List.of(delivery.id(), unknown)));
    }

    @Test
    void attemptsComeOldestFirst() {
        Delivery delivery = enqueued(minutes(0));
        Attempt first = unanswered(1, minutes(1), "connection refused");
        Attempt second = answered(2, minutes(2), 500);
        Attempt third = answered(3, minutes(3), 200);
        Delivery afterFirst = delivery.after(first, Optional.of(minutes(2)));
        Delivery afterSecond = afterFirst.after(second, Optional.of(minutes(3)));
        queue.record(afterFirst, first);
        queue.record(afterSecond, second);
        queue.record(afterSecond.after(third, Optional.empty()), third);
        assertEquals(List.of(first, second, third), queue.attempts(List.of(delivery.id())).get(delivery.id()));
    }

    // ---- Claiming ----
    @Test
    void claimsOnlyDueDeliveriesEarliestFirstUpToTheMaximum() {
        Delivery later = enqueued(minutes(2));
        Delivery earliest = enqueued(minutes(0));
        Delivery middle = enqueued(minutes(1));
        enqueued(minutes(10));

        assertEquals(List.of(earliest.id(), middle.id()), claimedIds(queue.claim(minutes(5), 2, ANY_SIZE, LEASE)));
        assertEquals(List.of(later.id()), claimedIds(queue.claim(minutes(5), 2, ANY_SIZE, LEASE)));
        assertEquals(List.of(), queue.claim(minutes(5), 2, ANY_SIZE, LEASE));
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
        assertEquals(List.of(), queue.claim(minutes(0).plus(LEASE).minusMillis(1), 10, ANY_SIZE, LEASE));

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
            while (!(batch = queue.claim(minutes(1), 7, ANY_SIZE, Duration.ofHours(1))).isEmpty()) {
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
        events.insert(wide);
        List<Delivery> fanOut = List.of(Delivery.of(wide, hook.id()), Delivery.of(wide, newWebhook(ACME).id()),
                Delivery.of(wide, newWebhook(ACME).id()));
        queue.enqueue(fanOut);
        Delivery later = enqueued(minutes(1));
        long oneEvent = wide.data().json().length();

        assertEquals(Set.copyOf(ids(fanOut)), Set.copyOf(claimedIds(queue.claim(minutes(5), 10, oneEvent, LEASE))),
                "the fan-out of one event fits, its data counted once");
        assertEquals(List.of(later.id()), claimedIds(queue.claim(minutes(5), 10, oneEvent, LEASE)),
                "the rest stayed due");
    }

    @Test
    void aClaimTakesOneDeliveryEvenWhenItsEventAloneIsOverTheByteBound() {
        Delivery first = enqueued(minutes(0));
        Delivery second = enqueued(minutes(1));
        assertEquals(List.of(first.id()), claimedIds(queue.claim(minutes(5), 10, 1, LEASE)));
        assertEquals(List.of(second.id()), claimedIds(queue.claim(minutes(5), 10, 1, LEASE)));
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
        assertEquals(List.of(attempt), queue.attempts(List.of(delivery.id())).get(delivery.id()));
        assertEquals(List.of(), queue.claim(minutes(5).minusMillis(1), 10, ANY_SIZE, LEASE));
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
        assertEquals(List.of(attempt), queue.attempts(List.of(delivery.id())).get(delivery.id()));
        assertEquals(List.of(), queue.claim(minutes(60 * 24 * 365), 10, ANY_SIZE, LEASE));
    }

    @Test
    void aFailedOutcomeLeavesTheQueue() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        Attempt attempt = unanswered(1, minutes(0), "timed out");
        queue.complete(List.of(new Completion(claim, delivery.after(attempt, Optional.empty()),
                Optional.of(attempt))));
        assertEquals(DeliveryStatus.FAILED, stored(delivery).status());
        assertEquals(List.of(), queue.claim(minutes(60), 10, ANY_SIZE, LEASE));
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
        assertEquals(List.of(), queue.attempts(List.of(delivery.id())).get(delivery.id()));

        Attempt attempt = answered(1, minutes(3), 500);
        Delivery updated = delivery.after(attempt, Optional.of(minutes(4)));
        queue.complete(List.of(new Completion(current, updated, Optional.of(attempt))));
        assertEquals(updated, stored(delivery));
    }

    @Test
    void completesABatchOfClaims() {
        Delivery succeeded = enqueued(minutes(0));
        Delivery retried = enqueued(minutes(0).plusMillis(1));
        List<Claim> claims = queue.claim(minutes(1), 10, ANY_SIZE, LEASE);
        Attempt ok = answered(1, minutes(1), 200);
        Attempt failed = answered(1, minutes(1), 500);
        queue.complete(List.of(
                new Completion(claims.get(0), succeeded.after(ok, Optional.empty()), Optional.of(ok)),
                new Completion(claims.get(1), retried.after(failed, Optional.of(minutes(2))), Optional.of(failed))));

        assertEquals(DeliveryStatus.DELIVERED, stored(succeeded).status());
        assertEquals(DeliveryStatus.PENDING, stored(retried).status());
        assertEquals(List.of(retried.id()), claimedIds(queue.claim(minutes(2), 10, ANY_SIZE, LEASE)));
    }

    @Test
    void aCompletionWithoutAnAttemptStoresTheDeliveryAndLeavesTheQueue() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = claimOnly(minutes(0));
        queue.complete(List.of(new Completion(claim, delivery.cancelled(), Optional.empty())));
        assertEquals(delivery.cancelled(), stored(delivery));
        assertEquals(List.of(), queue.attempts(List.of(delivery.id())).get(delivery.id()));
        assertEquals(List.of(), queue.claim(minutes(60), 10, ANY_SIZE, LEASE));
    }

    @Test
    void aReleasedClaimIsDueAtOnce() {
        Delivery delivery = enqueued(minutes(0));
        Claim claim = queue.claim(minutes(1), 10, ANY_SIZE, Duration.ofHours(1)).get(0);
        queue.release(List.of(claim));
        assertEquals(delivery, claimOnly(minutes(1)).delivery());
    }

    @Test
    void releasingALostLeaseChangesNothing() {
        enqueued(minutes(0));
        Claim stale = claimOnly(minutes(0));
        claimOnly(minutes(0).plus(LEASE));
        queue.release(List.of(stale));
        assertEquals(List.of(), queue.claim(minutes(0).plus(LEASE), 10, ANY_SIZE, LEASE));
    }

    @Test
    void aRecordedFinalAttemptTakesTheDeliveryOffTheQueue() {
        Delivery delivery = enqueued(minutes(0));
        Attempt manual = answered(1, minutes(0), 200);
        Delivery updated = delivery.after(manual, Optional.empty());
        queue.record(updated, manual);
        assertEquals(updated, stored(delivery));
        assertEquals(List.of(), queue.claim(minutes(60), 10, ANY_SIZE, LEASE));
    }

    @Test
    void aRecordedPendingAttemptLeavesAWorkersLeaseAlone() {
        Delivery delivery = enqueued(minutes(0));
        claimOnly(minutes(0));
        Attempt manual = answered(1, minutes(1), 500);
        Delivery updated = delivery.afterManual(manual);
        queue.record(updated, manual);
        assertEquals(updated, stored(delivery));
        assertEquals(List.of(), queue.claim(minutes(0).plusSeconds(30), 10, ANY_SIZE, LEASE),
                "still leased by the worker that claimed it");
        assertEquals(delivery.id(), claimOnly(minutes(0).plus(LEASE)).delivery().id());
    }

    // ---- Cancelling ----
    @Test
    void cancelsOnlyThePendingDeliveriesOfThatWebhook() {
        Delivery pending = enqueued(minutes(0));
        Delivery delivered = enqueued(minutes(1));
        Attempt ok = answered(1, minutes(1), 200);
        queue.record(delivered.after(ok, Optional.empty()), ok);
        Webhook otherHook = newWebhook(ACME);
        Delivery otherHooks = enqueued(otherHook, EventType.PATIENT_CREATED, minutes(2));

        assertEquals(1, queue.cancelPending(ACME, hook.id()));

        assertEquals(DeliveryStatus.CANCELLED, stored(pending).status());
        assertEquals(Optional.empty(), stored(pending).nextAttemptDate());
        assertEquals(DeliveryStatus.DELIVERED, stored(delivered).status());
        assertEquals(List.of(otherHooks.id()), claimedIds(queue.claim(minutes(10), 10, ANY_SIZE, LEASE)));
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
        assertEquals(List.of(), queue.claim(minutes(10), 10, ANY_SIZE, LEASE));
    }

    // ---- Listing ----
    private Delivery d1;
    private Delivery d2;
    private Delivery d3;
    private Delivery d4;
    private Delivery d5;

    /**
     * Five deliveries to one webhook: d1 delivered at 10 min, d2 failed with 500 at 5 min, d3 never tried,
     * d4 delivered at 6 min, d5 waiting after "connection refused" at 7 min; created at minutes 1 to 5.
     */
    private void givenFiveDeliveries() {
        d1 = recorded(enqueued(hook, EventType.PATIENT_CREATED, minutes(1)),
                answered(1, minutes(10), 200), Optional.empty());
        d2 = recorded(enqueued(hook, EventType.PAYMENT_FAILED, minutes(2)),
                answered(1, minutes(5), 500), Optional.empty());
        d3 = enqueued(hook, EventType.PATIENT_CREATED, minutes(3));
        d4 = recorded(enqueued(hook, EventType.PATIENT_CREATED, minutes(4)),
                answered(1, minutes(6), 204), Optional.empty());
        d5 = recorded(enqueued(hook, EventType.PAYMENT_FAILED, minutes(5)),
                unanswered(1, minutes(7), "connection refused"), Optional.of(minutes(8)));
        enqueued(newWebhook(ACME), EventType.PATIENT_CREATED, minutes(2));
        enqueued(newWebhook(GLOBEX), EventType.PATIENT_CREATED, minutes(2));
    }

    private Delivery recorded(Delivery delivery, Attempt attempt, Optional<Instant> next) {
        Delivery updated = delivery.after(attempt, next);
        queue.record(updated, attempt);
        return updated;
    }

    private List<Delivery> list(DeliveryQuery query) {
        return queue.list(ACME, hook.id(), query);
    }

    private static DeliveryQuery where(Optional<EventType> type, Optional<Boolean> delivered,
                                       Optional<Instant> createdBefore, Optional<Instant> createdAfter,
                                       Optional<Integer> status, Optional<String> error,
                                       Optional<Instant> deliveredBefore, Optional<Instant> deliveredAfter) {
        return new DeliveryQuery(type, delivered, createdBefore, createdAfter, status, error, deliveredBefore,
                deliveredAfter, SortBy.CREATED_DATE, SortDirection.DESC, DeliveryQuery.MAX_LIMIT, 0);
    }

    private static DeliveryQuery sorted(SortBy by, SortDirection direction) {
        DeliveryQuery all = DeliveryQuery.all();
        return new DeliveryQuery(all.eventType(), all.isDelivered(), all.createdBefore(), all.createdAfter(),
                all.lastDeliveryAttemptStatus(), all.lastDeliveryAttemptError(), all.deliveryDateBefore(),
                all.deliveryDateAfter(), by, direction, DeliveryQuery.MAX_LIMIT, 0);
    }

    private final Optional<EventType> anyType = Optional.empty();
    private final Optional<Boolean> anyState = Optional.empty();
    private final Optional<Instant> anyTime = Optional.empty();
    private final Optional<Integer> anyStatus = Optional.empty();
    private final Optional<String> anyError = Optional.empty();

    @Test
    void byDefaultNewestFirstOnlyThisWebhooksAndStoredAsUpdated() {
        givenFiveDeliveries();
        assertEquals(List.of(d5, d4, d3, d2, d1), list(DeliveryQuery.all()));
    }

    @Test
    void byEventType() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d4, d3, d1)), ids(list(where(Optional.of(EventType.PATIENT_CREATED), anyState,
                anyTime, anyTime, anyStatus, anyError, anyTime, anyTime))));
    }

    @Test
    void byWhetherDelivered() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d4, d1)), ids(list(where(anyType, Optional.of(true), anyTime, anyTime,
                anyStatus, anyError, anyTime, anyTime))));
        assertEquals(ids(List.of(d5, d3, d2)), ids(list(where(anyType, Optional.of(false), anyTime, anyTime,
                anyStatus, anyError, anyTime, anyTime))));
    }

    @Test
    void byCreationDateWithExclusiveBounds() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d2, d1)), ids(list(where(anyType, anyState, Optional.of(minutes(3)), anyTime,
                anyStatus, anyError, anyTime, anyTime))));
        assertEquals(ids(List.of(d5, d4)), ids(list(where(anyType, anyState, anyTime, Optional.of(minutes(3)),
                anyStatus, anyError, anyTime, anyTime))));
        assertEquals(ids(List.of(d3)), ids(list(where(anyType, anyState, Optional.of(minutes(4)),
                Optional.of(minutes(2)), anyStatus, anyError, anyTime, anyTime))));
    }

    @Test
    void byLastAttemptStatus() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d2)), ids(list(where(anyType, anyState, anyTime, anyTime, Optional.of(500),
                anyError, anyTime, anyTime))));
    }

    @Test
    void byLastAttemptError() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d5)), ids(list(where(anyType, anyState, anyTime, anyTime, anyStatus,
                Optional.of("connection refused"), anyTime, anyTime))));
        assertEquals(List.of(), list(where(anyType, anyState, anyTime, anyTime, anyStatus,
                Optional.of("timed out"), anyTime, anyTime)));
    }

    @Test
    void byDeliveryDateWithExclusiveBounds() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d4)), ids(list(where(anyType, anyState, anyTime, anyTime, anyStatus, anyError,
                Optional.of(minutes(10)), anyTime))));
        assertEquals(ids(List.of(d1)), ids(list(where(anyType, anyState, anyTime, anyTime, anyStatus, anyError,
                anyTime, Optional.of(minutes(6))))));
    }

    @Test
    void filtersCombine() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d4)), ids(list(where(Optional.of(EventType.PATIENT_CREATED), Optional.of(true),
                anyTime, Optional.of(minutes(1)), anyStatus, anyError, anyTime, anyTime))));
    }

    @Test
    void byCreationDateOldestFirst() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d1, d2, d3, d4, d5)), ids(list(sorted(SortBy.CREATED_DATE, SortDirection.ASC))));
    }

    @Test
    void byDeliveredDateWithTheUndeliveredLastEitherWay() {
        givenFiveDeliveries();
        assertDeliveredFirst(List.of(d1, d4), list(sorted(SortBy.DELIVERED_DATE, SortDirection.DESC)));
        assertDeliveredFirst(List.of(d4, d1), list(sorted(SortBy.DELIVERED_DATE, SortDirection.ASC)));
    }

    private void assertDeliveredFirst(List<Delivery> deliveredInOrder, List<Delivery> listed) {
        assertEquals(ids(deliveredInOrder), ids(listed.subList(0, 2)));
        assertEquals(Set.of(d2.id(), d3.id(), d5.id()), Set.copyOf(ids(listed.subList(2, 5))));
    }

    @Test
    void byLastAttemptDateWithTheUntriedLastEitherWay() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d2, d4, d5, d1, d3)),
                ids(list(sorted(SortBy.LAST_DELIVERY_ATTEMPT_DATE, SortDirection.ASC))));
        assertEquals(ids(List.of(d1, d5, d4, d2, d3)),
                ids(list(sorted(SortBy.LAST_DELIVERY_ATTEMPT_DATE, SortDirection.DESC))));
    }

    @Test
    void pages() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d4, d3)), ids(list(DeliveryQuery.all().withPage(2, 1))));
        assertEquals(ids(List.of(d1)), ids(list(DeliveryQuery.all().withPage(2, 4))));
        assertEquals(List.of(), list(DeliveryQuery.all().withPage(2, 5)));
    }
}
