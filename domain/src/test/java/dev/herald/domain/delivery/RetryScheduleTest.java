package dev.herald.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final Random random = new Random(7);

    @Test
    void defaultIsSevenAttemptsOverAboutTwentyOneMinutes() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        assertEquals(7, schedule.maxAttempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(15)), schedule.delays());
    }

    @Test
    void delaysStayWithinTwentyPercentJitterAndStopAfterTheLastAttempt() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        for (int attempt = 1; attempt <= 6; attempt++) {
            long base = schedule.delays().get(attempt - 1).toMillis();
            for (int i = 0; i < 200; i++) {
                long delay = schedule.delayAfter(attempt, Optional.empty(), random).orElseThrow().toMillis();
                assertTrue(delay >= base * 0.8 - 1 && delay <= base * 1.2 + 1, "delay " + delay + " for " + base);
            }
        }
        assertEquals(Optional.empty(), schedule.delayAfter(7, Optional.empty(), random));
    }

    @Test
    void retryAfterLengthensTheWaitButIsCappedAtAnHour() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(1)), 0);
        assertEquals(Duration.ofSeconds(120),
                schedule.delayAfter(1, Optional.of(Duration.ofSeconds(120)), random).orElseThrow());
        assertEquals(Duration.ofHours(1),
                schedule.delayAfter(1, Optional.of(Duration.ofDays(3)), random).orElseThrow());
        assertEquals(Duration.ofSeconds(1),
                schedule.delayAfter(1, Optional.of(Duration.ZERO), random).orElseThrow());
    }

    @Test
    void parsesEveryUnitAndRejectsNonsense() {
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofMinutes(3), Duration.ofHours(1)),
                RetrySchedule.parse("250ms, 2s,3m,1h").delays());
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parseDuration("-5s"));
    }
}
