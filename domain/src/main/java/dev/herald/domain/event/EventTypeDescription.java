package dev.herald.domain.event;

import java.util.Objects;

/**
 * What the event-type catalog says of one type (docs/API.md §4.11): a line for people, an example of its data, and
 * the JSON Schema (2020-12) of its data as JSON text. The example is valid against the schema.
 */
public record EventTypeDescription(EventType type, String description, EventData example, String schema) {
    public EventTypeDescription {
        Objects.requireNonNull(type);
        Objects.requireNonNull(description);
        Objects.requireNonNull(example);
        Objects.requireNonNull(schema);
    }
}
