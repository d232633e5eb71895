package dev.herald.application.port.out;

import dev.herald.domain.Violation;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventTypeDescription;
import java.util.List;

/**
 * Checks event data against the JSON Schema of its type (docs/API.md §5, {@code HERALD_VALIDATE_EVENT_DATA}). Each
 * problem is a {@link Violation.Rule#SCHEMA_MISMATCH} of the field where it is, {@code data} for the object itself,
 * {@code data.patientId} for one of its members, {@code data.items[0].amount} deeper; none when the data is valid.
 */
public interface ForCheckingEventData {
    List<Violation> violations(EventTypeDescription type, EventData data);
}
