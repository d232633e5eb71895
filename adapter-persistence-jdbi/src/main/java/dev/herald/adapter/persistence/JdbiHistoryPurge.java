package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForPurgingHistory;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Deletes history past its retention (docs/API.md §8.4) in small batches, each its own transaction. A batch first reads
 * the ids of its oldest rows from an index in its order without locks ({@code deliveries_by_finished},
 * {@code events_by_created}, V10), so it costs the same however long the history; the deliveries among them are then
 * locked (skipping rows another purger holds) and checked again before anything is deleted, so a delivery a tenant
 * recovers meanwhile is left alone. On PostgreSQL a batch also takes a transaction-scoped advisory lock, so one node at
 * a time purges; a node that does not get it skips the batch.
 */
public final class JdbiHistoryPurge implements ForPurgingHistory {
    /** The advisory lock of the purge, "HERLDPRG" in ASCII: unlikely to clash with a host's own advisory locks. */
    static final long ADVISORY_LOCK = 0x4845524C44505247L;
    /** The oldest finished deliveries, read from deliveries_by_finished in its order; PENDING ones have no finish. */
    static final String OLDEST_FINISHED = "SELECT id FROM deliveries WHERE finished_date < :before"
            + " ORDER BY finished_date LIMIT :max";
    /** The oldest events without a delivery left, read from events_by_created in its order. */
    static final String OLDEST_UNREFERENCED_EVENTS = "SELECT e.id FROM events e WHERE e.created_date < :before"
            + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) ORDER BY e.created_date LIMIT :max";
    private static final String STILL_PURGEABLE = " finished_date < :before"
            + " AND NOT EXISTS (SELECT 1 FROM delivery_queue q WHERE q.delivery_id = deliveries.id)";

    private final TransactionScope scope;
    private final SqlDialect dialect;

    JdbiHistoryPurge(TransactionScope scope, SqlDialect dialect) {
        this.scope = scope;
        this.dialect = dialect;
    }

    @Override
    public Purged purgeDeliveries(Instant finishedBefore, int max) {
        return scope.inTransaction(h -> {
            if (!purgeLockTaken(h)) {
                return Purged.NONE;
            }
            List<String> candidates = h.createQuery(OLDEST_FINISHED)
                    .bind("before", SqlTime.of(finishedBefore)).bind("max", max)
                    .mapTo(String.class).list();
            if (candidates.isEmpty()) {
                return Purged.NONE;
            }
            List<String> locked = h.createQuery("SELECT id FROM deliveries WHERE id IN (<ids>) AND" + STILL_PURGEABLE
                            + " FOR UPDATE SKIP LOCKED")
                    .bindList("ids", candidates).bind("before", SqlTime.of(finishedBefore))
                    .mapTo(String.class).list();
            if (locked.isEmpty()) {
                return Purged.NONE;
            }
            int attempts = h.createUpdate("DELETE FROM attempts WHERE delivery_id IN (<ids>)")
                    .bindList("ids", locked).execute();
            int deliveries = h.createUpdate("DELETE FROM deliveries WHERE id IN (<ids>)")
                    .bindList("ids", locked).execute();
            return new Purged(deliveries, attempts);
        });
    }

    @Override
    public int purgeEvents(Instant createdBefore, int max) {
        return scope.inTransaction(h -> {
            if (!purgeLockTaken(h)) {
                return 0;
            }
            List<String> candidates = h.createQuery(OLDEST_UNREFERENCED_EVENTS)
                    .bind("before", SqlTime.of(createdBefore)).bind("max", max)
                    .mapTo(String.class).list();
            if (candidates.isEmpty()) {
                return 0;
            }
            // No delivery is ever added to an existing event; the check again only keeps the delete safe on its own.
            return h.createUpdate("DELETE FROM events WHERE id IN (<ids>)"
                            + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = events.id)")
                    .bindList("ids", candidates).execute();
        });
    }

    /** PostgreSQL: whether this transaction holds the purge's advisory lock; H2 serves one process, so always. */
    private boolean purgeLockTaken(Handle h) {
        return dialect != SqlDialect.POSTGRESQL || h.createQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .bind("key", ADVISORY_LOCK).mapTo(Boolean.class).one();
    }
}
