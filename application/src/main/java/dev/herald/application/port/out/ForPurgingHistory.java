package dev.herald.application.port.out;

import java.time.Instant;

/**
 * Deletes history older than the retention (docs/API.md §8.4), a small batch per call, each batch in a transaction of
 * its own so that delivery is not held up. Calls may run on several nodes at once: each row is deleted once, and a
 * batch that another node is purging at the same moment may simply find less to do.
 */
public interface ForPurgingHistory {
    /**
     * Deletes up to {@code max} final deliveries (delivered, failed or cancelled) that finished before
     * {@code finishedBefore}, oldest finish first, with their attempts. A PENDING delivery, or one still in the
     * queue, is never deleted.
     */
    Purged purgeDeliveries(Instant finishedBefore, int max);

    /** Deletes up to {@code max} events created before {@code createdBefore} that have no delivery left; how many. */
    int purgeEvents(Instant createdBefore, int max);

    /** What one batch of deliveries deleted. */
    record Purged(int deliveries, int attempts) {
        public static final Purged NONE = new Purged(0, 0);
    }
}
