package dev.herald.adapter.persistence;

import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Rebuilds {@code delivery_queue} from the delivery log when a node starts on an H2 file: that file serves one node,
 * so any lease in it belongs to a process that died, and H2 killed mid-write can leave the table's indexes out of step.
 */
final class H2QueueRebuild {
    private final TransactionScope scope;

    H2QueueRebuild(TransactionScope scope) {
        this.scope = scope;
    }

    /**
     * Rebuilds the queue from the delivery log: every PENDING delivery, due at its next attempt, under no lease, and
     * each endpoint's turn from it; how many. Only right while no other worker uses this database. TRUNCATE (unlike
     * DELETE) also empties the table's indexes, which H2 2.5 can leave out of step with its rows when the process is
     * killed mid-write; each delivery is then put back through its primary key, so a row only a table scan still sees
     * (a killed transaction's, not yet rolled back) is left out rather than breaking the rebuild.
     */
    int run() {
        return scope.inTransaction(h -> {
            h.execute("TRUNCATE TABLE delivery_queue"); // H2 commits here: a crash now is repaired by the next start
            List<String> pending = h.createQuery("SELECT id FROM deliveries WHERE status = 'PENDING'")
                    .mapTo(String.class)
                    .list();
            PreparedBatch requeue = h.prepareBatch("INSERT INTO delivery_queue (delivery_id, webhook_id, due_at)"
                    + " SELECT d.id, d.webhook_id, COALESCE(d.next_attempt_date, d.created_date) FROM deliveries d"
                    + " WHERE d.id = :id AND d.status = 'PENDING'"
                    + " AND NOT EXISTS (SELECT 1 FROM delivery_queue q WHERE q.delivery_id = d.id)");
            pending.forEach(id -> requeue.bind("id", id).add());
            int requeued = requeue.size() > 0 ? Arrays.stream(requeue.execute()).sum() : 0;
            // Every endpoint's turn from its rows as rebuilt (the next claim may be a long wait otherwise).
            h.execute("UPDATE endpoint_lanes SET wake_at = (SELECT MIN(q.due_at) FROM delivery_queue q"
                    + " WHERE q.webhook_id = endpoint_lanes.webhook_id)");
            return requeued;
        });
    }
}
