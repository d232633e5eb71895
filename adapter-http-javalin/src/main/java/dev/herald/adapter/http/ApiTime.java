package dev.herald.adapter.http;

import dev.herald.domain.delivery.DeliveryBody;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as every answer writes them: ISO-8601 UTC with milliseconds and Z, or null when there is none. */
final class ApiTime {
    private ApiTime() {
    }

    /** What {@link #parse} accepts, as an error message says it. */
    static final String EXPECTED = "an ISO-8601 date-time such as 2026-11-27T05:31:56.123Z";

    /** With Z or an offset; a time without either is taken as UTC. Throws {@link java.time.DateTimeException}. */
    static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException withoutZone) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    static String of(Instant instant) {
        return DeliveryBody.isoMillis(instant);
    }

    static String of(Optional<Instant> instant) {
        return instant.map(ApiTime::of).orElse(null);
    }
}
