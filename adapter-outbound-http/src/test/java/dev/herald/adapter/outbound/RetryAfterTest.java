package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T05:31:56Z");

    @Test
    void readsDeltaSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse(Optional.of(" 30 "), NOW));
        assertEquals(Optional.of(Duration.ofSeconds(64)),
                RetryAfter.parse(Optional.of("Fri, 27 Nov 2026 05:33:00 GMT"), NOW));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(Optional.of("Fri, 27 Nov 2026 05:00:00 GMT"), NOW));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("-5"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("tomorrow"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.of("99999999999999999999"), NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty(), NOW));
    }
}
