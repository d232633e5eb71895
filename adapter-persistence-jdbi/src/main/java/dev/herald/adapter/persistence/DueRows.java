package dev.herald.adapter.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Which rows of {@code delivery_queue} a claim takes from one endpoint: its earliest due, locked, within a bound. */
final class DueRows {
    /**
     * The rows of one endpoint in due order. Ordered by both columns of the index on (webhook_id, due_at), though the
     * first is fixed: H2 (2.5.252) reads rows in index order, stopping at the LIMIT, only for an ORDER BY that is a
     * prefix of the index; ordered by due_at alone it reads and sorts the endpoint's whole backlog.
     */
    static final String IN_DUE_ORDER = " ORDER BY webhook_id, due_at";
    /** The claim's locking query on PostgreSQL; served by the index on (webhook_id, due_at). */
    static final String CLAIM_DUE_ROWS = "SELECT delivery_id FROM delivery_queue WHERE webhook_id = :webhook"
            + " AND due_at <= :now" + IN_DUE_ORDER + " LIMIT :max FOR UPDATE SKIP LOCKED";

    private DueRows() {
    }

    /**
     * The ids of up to {@code max} due rows of one endpoint, earliest first, locked for this transaction and skipping
     * rows other claimers hold. H2 (2.5.252) accepts {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} but locks
     * every row the WHERE matches before sorting and limiting, so one claim would lock the endpoint's whole backlog;
     * there the earliest ids are read first without locks, and only those are then locked (re-checking that they are
     * still due).
     */
    static List<String> lock(Handle h, SqlDialect dialect, String webhook, Instant now, int max) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return h.createQuery(CLAIM_DUE_ROWS)
                    .bind("webhook", webhook)
                    .bind("now", SqlTime.of(now))
                    .bind("max", max)
                    .mapTo(String.class)
                    .list();
        }
        List<String> candidates = h.createQuery("SELECT delivery_id FROM delivery_queue WHERE webhook_id = :webhook"
                        + " AND due_at <= :now" + IN_DUE_ORDER + " LIMIT :max")
                .bind("webhook", webhook)
                .bind("now", SqlTime.of(now))
                .bind("max", max)
                .mapTo(String.class)
                .list();
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<String> locked = h.createQuery("SELECT delivery_id FROM delivery_queue"
                        + " WHERE delivery_id IN (<ids>) AND due_at <= :now FOR UPDATE SKIP LOCKED")
                .bindList("ids", candidates)
                .bind("now", SqlTime.of(now))
                .mapTo(String.class)
                .list();
        return candidates.stream().filter(locked::contains).toList();
    }

    /** One taken row: its event and that event's data size, and when it was due. */
    private record Row(String id, String eventId, long dataLength, Instant dueAt) {
    }

    /**
     * The locked ids in due order (ties in the given order), as far as their events' data, each event counted once,
     * stays within {@code maxDataBytes}; at least one. The rows left out stay due, unleased, for the next claim.
     */
    static List<String> withinDataBytes(Handle h, List<String> ids, long maxDataBytes) {
        if (ids.size() < 2) {
            return ids;
        }
        Map<String, Row> rows = new HashMap<>();
        h.createQuery("SELECT d.id, d.event_id, LENGTH(e.data_json) AS data_length, q.due_at FROM deliveries d"
                        + " JOIN events e ON e.id = d.event_id JOIN delivery_queue q ON q.delivery_id = d.id"
                        + " WHERE d.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("event_id"), rs.getLong("data_length"),
                        SqlTime.read(rs, "due_at")))
                .forEach(row -> rows.put(row.id(), row));
        List<Row> inDueOrder = ids.stream().map(rows::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Row::dueAt)).toList();
        Set<String> counted = new HashSet<>();
        long bytes = 0;
        List<String> kept = new ArrayList<>();
        for (Row row : inDueOrder) {
            if (counted.add(row.eventId())) {
                bytes += row.dataLength();
                if (bytes > maxDataBytes && !kept.isEmpty()) {
                    break;
                }
            }
            kept.add(row.id());
        }
        return kept;
    }
}
