package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.answered;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.unanswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForReadingDeliveryLog;
import dev.herald.domain.Page;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryQuery.SortBy;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link ForReadingDeliveryLog} does: finding deliveries, their attempts, and the list query. */
public abstract class DeliveryLogContract extends DeliveriesContract {

    // ---- Storing ----
    @Test
    void findsADeliveryUnchanged() {
        Delivery delivery = enqueued(minutes(0));
        assertEquals(Optional.of(delivery), log.find(ACME, delivery.id()));
    }

    @Test
    void anotherTenantsDeliveryIsNotFound() {
        Delivery delivery = enqueued(minutes(0));
        assertTrue(log.find(GLOBEX, delivery.id()).isEmpty());
        assertTrue(log.find(ACME, DeliveryId.generate()).isEmpty());
    }

    @Test
    void aDeliveryWithoutAttemptsHasAnEmptyList() {
        Delivery delivery = enqueued(minutes(0));
        DeliveryId unknown = DeliveryId.generate();
        assertEquals(Map.of(delivery.id(), List.of(), unknown, List.of()),
                log.attempts(List.of(delivery.id(), unknown)));
    }

    @Test
    void attemptsComeOldestFirst() {
        Delivery delivery = enqueued(minutes(0));
        Attempt first = unanswered(1, minutes(1), "connection refused");
        Attempt second = answered(2, minutes(2), 500);
        Attempt third = answered(3, minutes(3), 200);
        Delivery afterFirst = delivery.after(first, Optional.of(minutes(2)));
        Delivery afterSecond = afterFirst.after(second, Optional.of(minutes(3)));
        queue.recordManualAttempt(afterFirst, first);
        queue.recordManualAttempt(afterSecond, second);
        queue.recordManualAttempt(afterSecond.after(third, Optional.empty()), third);
        assertEquals(List.of(first, second, third), log.attempts(List.of(delivery.id())).get(delivery.id()));
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
        queue.recordManualAttempt(updated, attempt);
        return updated;
    }

    private List<Delivery> list(DeliveryQuery query) {
        return log.list(ACME, hook.id(), query);
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
    void pagesRunOnIntoTheUntriedEitherWay() {
        givenFiveDeliveries();
        DeliveryQuery ascending = sorted(SortBy.LAST_DELIVERY_ATTEMPT_DATE, SortDirection.ASC);
        DeliveryQuery descending = sorted(SortBy.LAST_DELIVERY_ATTEMPT_DATE, SortDirection.DESC);
        assertEquals(ids(List.of(d1, d3)), ids(list(ascending.withPage(2, 3))));
        assertEquals(ids(List.of(d3)), ids(list(ascending.withPage(2, 4))));
        assertEquals(ids(List.of(d4, d2, d3)), ids(list(descending.withPage(3, 2))));
        assertEquals(List.of(), list(descending.withPage(3, 5)));
    }

    @Test
    void pages() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d4, d3)), ids(list(DeliveryQuery.all().withPage(2, 1))));
        assertEquals(ids(List.of(d1)), ids(list(DeliveryQuery.all().withPage(2, 4))));
        assertEquals(List.of(), list(DeliveryQuery.all().withPage(2, 5)));
    }

    // ---- Pages by position (docs/API.md §10) ----
    @Test
    void pagesAfterAPositionVisitEveryDeliveryOnceInEachOrder() {
        givenFiveDeliveries();
        for (SortBy by : SortBy.values()) {
            for (SortDirection direction : SortDirection.values()) {
                DeliveryQuery query = sorted(by, direction);
                assertEquals(ids(list(query)), ids(byPagesOf(2, query)), by + " " + direction);
            }
        }
    }

    @Test
    void aPageSaysWhereTheNextStartsOnlyWhenThereIsOne() {
        givenFiveDeliveries();
        Page<Delivery> first = log.page(ACME, hook.id(), DeliveryQuery.all().withPage(3, 0));
        assertEquals(ids(List.of(d5, d4, d3)), ids(first.items()));
        Page<Delivery> second = log.page(ACME, hook.id(), DeliveryQuery.all().withPage(2, 0).after(first.next().get()));
        assertEquals(ids(List.of(d2, d1)), ids(second.items()));
        assertEquals(Optional.empty(), second.next());
        assertEquals(Optional.empty(), log.page(ACME, hook.id(), DeliveryQuery.all().withPage(5, 0)).next());
    }

    @Test
    void deliveriesAddedBetweenPagesNeitherRepeatNorShiftThem() {
        givenFiveDeliveries();
        Page<Delivery> first = log.page(ACME, hook.id(), DeliveryQuery.all().withPage(2, 0));
        enqueued(hook, EventType.PATIENT_CREATED, minutes(6)); // newer: before the first page
        enqueued(hook, EventType.PATIENT_CREATED, minutes(4)); // same minute as d4, added later: before it
        Page<Delivery> rest = log.page(ACME, hook.id(), DeliveryQuery.all().after(first.next().get()));
        assertEquals(ids(List.of(d5, d4)), ids(first.items()));
        assertEquals(ids(List.of(d3, d2, d1)), ids(rest.items()));
    }

    @Test
    void deliveriesOfOneEventOldestFirstAndOnlyTheTenants() {
        givenFiveDeliveries();
        assertEquals(ids(List.of(d3)), ids(log.ofEvent(ACME, d3.eventId())));
        assertEquals(List.of(), log.ofEvent(GLOBEX, d3.eventId()));
    }

    /** Every page of {@code size} of the query, each from where the one before ended, concatenated. */
    private List<Delivery> byPagesOf(int size, DeliveryQuery query) {
        List<Delivery> all = new ArrayList<>();
        Page<Delivery> page = log.page(ACME, hook.id(), query.withPage(size, 0));
        all.addAll(page.items());
        while (page.next().isPresent()) {
            page = log.page(ACME, hook.id(), query.withPage(size, 0).after(page.next().get()));
            all.addAll(page.items());
        }
        return all;
    }
}
