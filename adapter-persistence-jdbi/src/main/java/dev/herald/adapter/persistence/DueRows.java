package dev.herald.adapter.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Which rows of {@code delivery_queue} a claim takes: the earliest due, locked, within the claim's data bound. */
final class DueRows {
    /** The claim's one locking query on PostgreSQL; served by the index on due_at. */
    static final String CLAIM_DUE_ROWS = "SELECT delivery_id FROM delivery_queue WHERE due_at <= :now"
            + " ORDER BY due_at LIMIT :max FOR UPDATE SKIP LOCKED";

    private DueRows() {
    }

    /**
     * The ids of up to {@code max} due rows, earliest first, locked for this transaction and skipping rows other
     * claimers hold. H2 (2.5.252) accepts {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} but locks every row the
     * WHERE matches before sorting and limiting, so one claimer would hold the whole due set; there the earliest ids
     * are read first without locks, and only those are then locked (re-checking that they are still due).
     */
    static List<String> lock(Handle h, SqlDialect dialect, Instant now, int max) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return h.createQuery(CLAIM_DUE_ROWS)
                    .bind("now", SqlTime.of(now))
                    .bind("max", max)
                    .mapTo(String.class)
                    .list();
        }
        List<String> candidates = h.createQuery("SELECT delivery_id FROM delivery_queue WHERE due_at <= :now"
                        + " ORDER BY due_at LIMIT :max")
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

    /**
     * The first of the locked ids (in due order) whose events' data, each event counted once, stays within
     * {@code maxDataBytes}; at least one. The rows left out stay due, unleased, for the next claim.
     */
    static List<String> withinDataBytes(Handle h, List<String> ids, long maxDataBytes) {
        if (ids.size() < 2) {
            return ids;
        }
        Map<String, Map.Entry<String, Long>> eventSizes = new HashMap<>();
        h.createQuery("SELECT d.id, d.event_id, LENGTH(e.data_json) AS data_length FROM deliveries d"
                        + " JOIN events e ON e.id = d.event_id WHERE d.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getString("id"),
                        Map.entry(rs.getString("event_id"), rs.getLong("data_length"))))
                .forEach(row -> eventSizes.put(row.getKey(), row.getValue()));
        Set<String> counted = new HashSet<>();
        long bytes = 0;
        List<String> kept = new ArrayList<>();
        for (String id : ids) {
            Map.Entry<String, Long> event = eventSizes.get(id);
            if (event != null && counted.add(event.getKey())) {
                bytes += event.getValue();
                if (bytes > maxDataBytes && !kept.isEmpty()) {
                    break;
                }
            }
            kept.add(id);
        }
        return kept;
    }
}
