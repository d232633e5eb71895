package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.answered;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.FakeClock;
import dev.herald.application.port.out.ForPurgingHistory;
import dev.herald.application.port.out.ForPurgingHistory.Purged;
import dev.herald.application.service.HistoryPurge;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ForPurgingHistory} does (docs/API.md §8.4): finished deliveries older than the retention go with
 * their attempts, younger ones and every unfinished one stay, and events go only once no delivery is left.
 */
public abstract class HistoryPurgeContract extends DeliveriesContract {
    /** The purge over empty delivery tables, and those tables. */
    public record HistoryUnderTest(DeliveriesUnderTest deliveries, ForPurgingHistory history) {
    }

    protected abstract HistoryUnderTest emptyHistory();

    private ForPurgingHistory history;

    @Override
    protected final DeliveriesUnderTest emptyDeliveries() {
        HistoryUnderTest under = emptyHistory();
        history = under.history();
        return under.deliveries();
    }

    /** A delivery created at minute 0, then answered {@code status} at {@code minute} as its last attempt. */
    private Delivery finished(long minute, int status) {
        Delivery created = enqueued(minutes(0));
        Attempt attempt = answered(1, minutes(minute), status);
        Delivery done = created.after(attempt, Optional.empty());
        queue.recordManualAttempt(done, attempt);
        return done;
    }

    private Delivery failedTwice(long firstMinute, long lastMinute) {
        Delivery created = enqueued(minutes(0));
        Attempt first = answered(1, minutes(firstMinute), 500);
        Delivery retrying = created.after(first, Optional.of(minutes(lastMinute)));
        queue.recordManualAttempt(retrying, first);
        Attempt last = answered(2, minutes(lastMinute), 500);
        Delivery failed = retrying.after(last, Optional.empty());
        queue.recordManualAttempt(failed, last);
        return failed;
    }

    private Delivery retrying(long minute) {
        Delivery created = enqueued(minutes(0));
        Attempt attempt = answered(1, minutes(minute), 503);
        Delivery waiting = created.after(attempt, Optional.of(minutes(minute + 1)));
        queue.recordManualAttempt(waiting, attempt);
        return waiting;
    }

    private boolean stored(Delivery delivery) {
        return log.find(delivery.tenant(), delivery.id()).isPresent();
    }

    private Set<EventId> storedEvents(List<EventId> ids) {
        return deliveries.events().data(ids).keySet();
    }

    private Event eventWithoutDeliveries(Instant created) {
        Event event = event(ACME, EventType.PATIENT_CREATED, created);
        deliveries.events().insert(event);
        return event;
    }

    @Test
    void deletesFinishedDeliveriesOlderThanTheRetentionWithTheirAttemptsAndKeepsTheRest() {
        Delivery oldDelivered = finished(10, 200);
        Delivery oldFailed = failedTwice(5, 20);
        Delivery youngDelivered = finished(60, 200);
        Delivery youngFailed = failedTwice(5, 70); // first attempt old, finished after the cutoff
        Delivery oldRetrying = retrying(10);
        Delivery neverTried = enqueued(minutes(0));

        Purged purged = history.purgeDeliveries(minutes(50), 100);

        assertEquals(new Purged(2, 3), purged);
        assertTrue(!stored(oldDelivered) && !stored(oldFailed));
        assertTrue(stored(youngDelivered) && stored(youngFailed) && stored(oldRetrying) && stored(neverTried));
        assertEquals(List.of(), log.attempts(List.of(oldFailed.id())).get(oldFailed.id()));
        assertEquals(2, log.attempts(List.of(youngFailed.id())).get(youngFailed.id()).size());
        assertEquals(new Purged(0, 0), history.purgeDeliveries(minutes(50), 100), "nothing left to purge");
    }

    @Test
    void eventsGoOnlyWhenNoDeliveryIsLeft() {
        Delivery oldDelivered = finished(10, 200);
        Delivery youngDelivered = finished(60, 200);
        Delivery oldRetrying = retrying(10);
        Event unsubscribedOld = eventWithoutDeliveries(minutes(1));
        Event unsubscribedYoung = eventWithoutDeliveries(minutes(55));
        List<EventId> all = List.of(oldDelivered.eventId(), youngDelivered.eventId(), oldRetrying.eventId(),
                unsubscribedOld.id(), unsubscribedYoung.id());

        assertEquals(1, history.purgeEvents(minutes(50), 100), "only the old event nobody subscribed to");
        history.purgeDeliveries(minutes(50), 100);
        assertEquals(1, history.purgeEvents(minutes(50), 100), "then the old event whose delivery went");

        assertEquals(Set.of(youngDelivered.eventId(), oldRetrying.eventId(), unsubscribedYoung.id()),
                storedEvents(all));
    }

    @Test
    void aRecoveredDeliveryIsKept() {
        Delivery failed = failedTwice(5, 10);
        assertEquals(1, queue.recover(ACME, hook.id(), minutes(0), minutes(100)));

        assertEquals(new Purged(0, 0), history.purgeDeliveries(minutes(50), 100));
        assertTrue(stored(failed));
    }

    @Test
    void aCancelledDeliveryCountsFromItsLastAttemptOrItsCreation() {
        Delivery neverTried = enqueued(minutes(0));
        Delivery triedLate = retrying(60);
        queue.cancelPending(ACME, hook.id());

        assertEquals(new Purged(1, 0), history.purgeDeliveries(minutes(50), 100));
        assertTrue(!stored(neverTried) && stored(triedLate));
    }

    @Test
    void eachBatchTakesTheOldestFinishedFirstAndNoMoreThanAsked() {
        List<Delivery> done = new ArrayList<>();
        for (int minute = 5; minute >= 1; minute--) {
            done.add(finished(minute, 200));
        }

        assertEquals(new Purged(2, 2), history.purgeDeliveries(minutes(50), 2));
        assertEquals(Set.of(done.get(0).id(), done.get(1).id(), done.get(2).id()),
                done.stream().filter(this::stored).map(Delivery::id).collect(Collectors.toSet()),
                "the two that finished first went");
        assertEquals(new Purged(2, 2), history.purgeDeliveries(minutes(50), 2));
        assertEquals(new Purged(1, 1), history.purgeDeliveries(minutes(50), 2));
        assertEquals(new Purged(0, 0), history.purgeDeliveries(minutes(50), 2));
    }

    @Test
    void aRoundPurgesMoreThanOneBatchOverSeveralBatches() {
        List<Delivery> done = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            done.add(finished(10, 200));
        }
        Delivery young = finished(60, 200);
        FakeClock clock = new FakeClock(minutes(80));
        HistoryPurge purge = new HistoryPurge(history, clock, Duration.ofMinutes(30), 3, Duration.ZERO);

        assertEquals(new HistoryPurge.Round(7, 7, 7), purge.purgeOnce());

        assertTrue(done.stream().noneMatch(this::stored));
        assertTrue(stored(young));
    }

    @Test
    void aZeroRetentionKeepsEverything() {
        Delivery old = finished(10, 200);
        Event unsubscribed = eventWithoutDeliveries(minutes(1));
        FakeClock clock = new FakeClock(minutes(0).plus(Duration.ofDays(3650)));
        HistoryPurge purge = new HistoryPurge(history, clock, Duration.ZERO, 3, Duration.ZERO);

        assertEquals(new HistoryPurge.Round(0, 0, 0), purge.purgeOnce());

        assertTrue(stored(old));
        assertEquals(Set.of(old.eventId(), unsubscribed.id()), storedEvents(List.of(old.eventId(), unsubscribed.id())));
        assertEquals(new HistoryPurge.Round(1, 1, 2),
                new HistoryPurge(history, clock, Duration.ofDays(30), 3, Duration.ZERO).purgeOnce(),
                "the same history, ten years old, goes with a retention of 30 days");
    }
    @Test
    void aReSendOfADeliveryPurgedMeanwhileIsNotFoundAndRecordsNothing() {
        Delivery delivered = finished(10, 200);
        history.purgeDeliveries(minutes(50), 100);
        Attempt resend = answered(2, minutes(100), 200);

        assertThrows(NotFoundException.class,
                () -> queue.recordManualAttempt(delivered.afterManual(resend), resend));

        assertTrue(!stored(delivered));
        assertEquals(List.of(), log.attempts(List.of(delivered.id())).get(delivered.id()));
    }
}
