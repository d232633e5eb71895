package dev.herald.adapter.http;

import dev.herald.domain.delivery.DeliveryBody;
import java.time.DateTimeException;
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
    static final String EXPECTED = "an ISO-8601 date-time such as 2026-11-27T05:31:56.123Z, in the years 0001 to 9999";
    /**
     * The times a database can compare with (PostgreSQL's timestamps end in the year 294276); those outside are
     * refused as input (docs/API.md §3.1) rather than failing in the query.
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * With Z or an offset; a time without either is taken as UTC. Throws {@link DateTimeException}, also for a time
     * outside the years 0001 to 9999.
     */
    static Instant parse(String text) {
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException withoutZone) {
            time = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new DateTimeException("outside the years 0001 to 9999: " + text);
        }
        return time;
    }

    static String of(Instant instant) {
        return DeliveryBody.isoMillis(instant);
    }

    static String of(Optional<Instant> instant) {
        return instant.map(ApiTime::of).orElse(null);
    }
}
