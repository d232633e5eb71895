package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.herald.domain.event.EventTypeDescription;

/** One entry of {@code GET /v1/event-type/list} (docs/API.md §4.11). */
record EventTypeSummary(
        String type,
        String description,
        @JsonRawValue String example, // JSON of Herald's own catalog, checked when it was read
        @JsonRawValue String schema) {

    static EventTypeSummary from(EventTypeDescription type) {
        return new EventTypeSummary(type.type().name(), type.description(), type.example().json(), type.schema());
    }
}
