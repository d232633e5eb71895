package dev.herald.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workers' pauses while the database is away: doubling from 0.1 s, never above 5 s, gone once it answers. */
class QueueOutageTest {
    private static final RuntimeException AWAY = new IllegalStateException("database unreachable (simulated)");

    @Test
    void pausesDoubleUpToFiveSecondsAndEndWithTheOutage() {
        QueueOutage outage = new QueueOutage();
        assertFalse(outage.ongoing());

        List<Duration> pauses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pauses.add(outage.failed("claiming deliveries", AWAY));
        }

        assertEquals(List.of(100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L),
                pauses.subList(0, 8).stream().map(Duration::toMillis).toList());
        assertEquals(Duration.ofSeconds(5), pauses.get(39), "capped however long the outage");
        assertTrue(outage.ongoing());

        outage.ended();
        assertFalse(outage.ongoing());
        assertEquals(Duration.ofMillis(100), outage.failed("claiming deliveries", AWAY), "a new outage starts short");
    }
}
