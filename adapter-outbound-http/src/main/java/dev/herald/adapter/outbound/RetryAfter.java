package dev.herald.adapter.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Nonsense is ignored. */
final class RetryAfter {
    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]{1,18}");

    private RetryAfter() {
    }

    static Optional<Duration> parse(Optional<String> header, Instant now) {
        return header.map(String::strip).flatMap(value -> parse(value, now));
    }

    private static Optional<Duration> parse(String value, Instant now) {
        if (DELTA_SECONDS.matcher(value).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant then = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(then.isAfter(now) ? Duration.between(now, then) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
