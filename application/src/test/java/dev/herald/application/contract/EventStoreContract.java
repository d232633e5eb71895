package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.domain.event.StoredEvent;
import dev.herald.domain.ConflictException;
import dev.herald.domain.Page;
import dev.herald.domain.event.EventQuery.SortDirection;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ForStoringEvents} does. */
public abstract class EventStoreContract {
    private static final IdempotencyKey KEY = new IdempotencyKey("order-42/created");
    private ForStoringEvents events;

    /** A store with no events in it. */
    protected abstract ForStoringEvents emptyEventStore();

    @BeforeEach
    void startEmpty() {
        events = emptyEventStore();
    }

    @Test
    void findsAnEventByItsIdempotencyKeyUnchanged() {
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(0), Optional.of(KEY));
        events.insert(event);
        assertEquals(Optional.of(event), events.findByIdempotencyKey(ACME, KEY));
    }

    @Test
    void aReusedKeyIsAConflict() {
        events.insert(event(ACME, EventType.PATIENT_CREATED, minutes(0), Optional.of(KEY)));
        Event again = event(ACME, EventType.PAYMENT_FAILED, minutes(1), Optional.of(KEY));
        assertThrows(ConflictException.class, () -> events.insert(again));
    }

    @Test
    void keysBelongToOneTenant() {
        events.insert(event(ACME, EventType.PATIENT_CREATED, minutes(0), Optional.of(KEY)));
        Event globex = event(GLOBEX, EventType.PATIENT_CREATED, minutes(0), Optional.of(KEY));
        events.insert(globex);
        assertEquals(Optional.of(globex), events.findByIdempotencyKey(GLOBEX, KEY));
    }

    @Test
    void eventsWithoutKeysNeverClash() {
        events.insert(event(ACME, EventType.PATIENT_CREATED, minutes(0)));
        events.insert(event(ACME, EventType.PATIENT_CREATED, minutes(0)));
        assertTrue(events.findByIdempotencyKey(ACME, KEY).isEmpty());
    }

    @Test
    void readsTheDataOfTheGivenEventsEachOnce() {
        Event first = event(ACME, EventType.PATIENT_CREATED, minutes(0));
        Event second = event(GLOBEX, EventType.PAYMENT_FAILED, minutes(1));
        events.insert(first);
        events.insert(second);
        EventId unknown = EventId.generate();
        assertEquals(Map.of(first.id(), first.data(), second.id(), second.data()),
                events.data(List.of(first.id(), second.id(), first.id(), unknown)));
        assertEquals(Map.of(), events.data(List.of()));
    }

    // ---- The history (docs/API.md §5.1-5.2) ----
    @Test
    void findsAnEventOfTheTenantWithoutItsData() {
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(0), Optional.of(KEY));
        events.insert(event);
        assertEquals(Optional.of(new StoredEvent(event.id(), event.type(), event.createdDate(), Optional.of(KEY), 1)),
                events.find(ACME, event.id()));
        assertEquals(Optional.empty(), events.find(GLOBEX, event.id()));
        assertEquals(Optional.empty(), events.find(ACME, EventId.generate()));
    }

    @Test
    void listsNewestFirstByDefaultWithTiesByInsertion() {
        Event e1 = insert(EventType.PATIENT_CREATED, 1);
        Event e2 = insert(EventType.PAYMENT_FAILED, 2);
        Event e3 = insert(EventType.PATIENT_CREATED, 2);
        events.insert(event(GLOBEX, EventType.PATIENT_CREATED, minutes(2)));
        assertEquals(ids(e3, e2, e1), ids(events.list(ACME, EventQuery.all()).items()));
        EventQuery oldestFirst = new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                SortDirection.ASC, 10, Optional.empty());
        assertEquals(ids(e1, e2, e3), ids(events.list(ACME, oldestFirst).items()));
    }

    @Test
    void filtersByTypeAndByExclusiveCreationBounds() {
        Event e1 = insert(EventType.PATIENT_CREATED, 1);
        Event e2 = insert(EventType.PAYMENT_FAILED, 2);
        Event e3 = insert(EventType.PATIENT_CREATED, 3);
        Event e4 = insert(EventType.PATIENT_CREATED, 4);
        assertEquals(ids(e4, e3, e1), ids(events.list(ACME, new EventQuery(Optional.of(EventType.PATIENT_CREATED),
                Optional.empty(), Optional.empty(), SortDirection.DESC, 10, Optional.empty())).items()));
        assertEquals(ids(e3, e2), ids(events.list(ACME, new EventQuery(Optional.empty(), Optional.of(minutes(4)),
                Optional.of(minutes(1)), SortDirection.DESC, 10, Optional.empty())).items()));
    }

    @Test
    void pagesFromAfterAPositionVisitEveryEventOnceWhileMoreArePublished() {
        for (int i = 0; i < 7; i++) {
            insert(i % 2 == 0 ? EventType.PATIENT_CREATED : EventType.PAYMENT_FAILED, i / 2); // ties of two
        }
        for (SortDirection direction : SortDirection.values()) {
            EventQuery query = new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), direction, 3,
                    Optional.empty());
            List<EventId> expected = ids(events.list(ACME, query.withLimit(1000)).items());
            List<EventId> seen = new ArrayList<>();
            Page<StoredEvent> page = events.list(ACME, query);
            while (true) {
                page.items().forEach(e -> seen.add(e.id()));
                insert(EventType.PATIENT_CREATED, direction == SortDirection.DESC ? 10 : -1); // never in what is left
                if (page.next().isEmpty()) {
                    break;
                }
                page = events.list(ACME, query.after(page.next().get()));
            }
            assertEquals(expected, seen, direction.toString());
        }
    }

    private Event insert(EventType type, int minute) {
        Event event = event(ACME, type, minutes(minute));
        events.insert(event);
        return event;
    }

    private static List<EventId> ids(Event... in) {
        return java.util.Arrays.stream(in).map(Event::id).toList();
    }

    private static List<EventId> ids(List<StoredEvent> in) {
        return in.stream().map(StoredEvent::id).toList();
    }
}
