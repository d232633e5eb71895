package dev.herald.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForPurgingHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round leaves the database to the delivery threads most of the time: after each batch it pauses at least the
 * configured pause, and at least {@link HistoryPurge#PAUSE_PER_BATCH_TIME} times as long as the batch took.
 */
class HistoryPurgePauseTest {
    private static final Duration SLOW_BATCH = Duration.ofMillis(40);

    @Test
    void afterASlowBatchTheRoundPausesSeveralTimesAsLong() {
        SlowHistory history = new SlowHistory(3);
        HistoryPurge purge = new HistoryPurge(history, Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"),
                ZoneOffset.UTC), Duration.ofDays(30), 10, Duration.ofMillis(1));

        assertEquals(new HistoryPurge.Round(35, 35, 0), purge.purgeOnce());

        long shortest = SLOW_BATCH.toNanos() * HistoryPurge.PAUSE_PER_BATCH_TIME;
        for (int i = 1; i < history.starts.size(); i++) {
            long gap = history.starts.get(i) - history.ends.get(i - 1);
            assertTrue(gap >= shortest, "pause " + Duration.ofNanos(gap) + " after batch " + i);
        }
    }

    /** Full batches of 10 that take 40 ms each, then a short one; records when each began and ended. */
    private static final class SlowHistory implements ForPurgingHistory {
        private final List<Long> starts = new ArrayList<>();
        private final List<Long> ends = new ArrayList<>();
        private int fullBatches;

        SlowHistory(int fullBatches) {
            this.fullBatches = fullBatches;
        }

        @Override
        public Purged purgeDeliveries(Instant finishedBefore, int max) {
            starts.add(System.nanoTime());
            try {
                Thread.sleep(SLOW_BATCH.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ends.add(System.nanoTime());
            int deleted = fullBatches-- > 0 ? max : max / 2;
            return new Purged(deleted, deleted);
        }

        @Override
        public int purgeEvents(Instant createdBefore, int max) {
            return 0;
        }
    }
}
