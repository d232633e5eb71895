package dev.herald.application.contract;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.GLOBEX;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForStoringEvents;
import dev.herald.domain.ConflictException;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.event.IdempotencyKey;
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
}
