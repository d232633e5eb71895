package dev.herald.adapter.persistence;

import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.RateWindow;
import dev.herald.domain.webhook.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Each endpoint's lane, one row of {@code endpoint_lanes} per webhook: its turn in the queue ({@code wake_at}: when it
 * may next have due deliveries, NULL when none are known), its health and its rate window. A narrow table of its own,
 * as claims and completions rewrite these rows all the time: they would otherwise rewrite the wide webhook rows every
 * publish reads. Every write that makes a queue row due moves the lane's wake_at earlier (never later), and only when
 * it must. The delivery worker's own short transactions do so directly; a publish, which may run in a host's long
 * transaction, leaves a wake-up row instead ({@link #wakeLater}), so it never locks a lane. Lanes are locked in
 * webhook id order, so two nodes recording at once cannot deadlock. The health in the same rows is
 * {@link EndpointHealthRows}'.
 */
final class EndpointLanes {
    private EndpointLanes() {
    }

    /** One endpoint whose turn has come, as its health and rate stood when it was locked. */
    record Lane(String webhookId, EndpointHealth health, Optional<RateLimit> rateLimit, RateWindow rate) {
    }

    /**
     * Up to {@code max} lanes whose turn has come, locked for this transaction; lanes another claimer holds are
     * skipped. Tenants take turns first (each tenant's longest-waiting lane, then each one's second, ...), then lanes
     * by how long they have waited: a tenant with many busy endpoints does not outnumber one with a single endpoint.
     * The candidates are read first and then locked, as the ranking cannot be combined with a row lock.
     */
    static List<Lane> lockDue(Handle h, Instant now, int max) {
        // The webhook's own settings (disabled, rate limit) are read with it, without a lock.
        List<Lane> candidates = h.createQuery("SELECT * FROM (SELECT l.webhook_id, l.consecutive_failures,"
                        + " l.failing_since, l.last_failure_at, l.probes, l.last_error, l.rate_window, l.rate_used,"
                        + " l.wake_at, w.rate_limit,"
                        + " ROW_NUMBER() OVER (PARTITION BY l.tenant ORDER BY l.wake_at, l.webhook_id) AS tenant_turn"
                        + " FROM endpoint_lanes l JOIN webhooks w ON w.id = l.webhook_id"
                        + " WHERE l.wake_at <= :now AND w.disabled_date IS NULL) due"
                        + " ORDER BY tenant_turn, wake_at, webhook_id LIMIT :max")
                .bind("now", SqlTime.of(now)).bind("max", max)
                .map((rs, ctx) -> new Lane(rs.getString("webhook_id"), EndpointHealthRows.read(rs),
                        SqlTime.optional(rs, "rate_limit", Integer.class).map(RateLimit::new),
                        new RateWindow(SqlTime.readOptional(rs, "rate_window"), rs.getInt("rate_used"))))
                .list();
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<String> locked = h.createQuery("SELECT webhook_id FROM endpoint_lanes WHERE webhook_id IN (<ids>)"
                        + " AND wake_at <= :now FOR UPDATE SKIP LOCKED")
                .bindList("ids", candidates.stream().map(Lane::webhookId).toList())
                .bind("now", SqlTime.of(now))
                .mapTo(String.class)
                .list();
        return candidates.stream().filter(lane -> locked.contains(lane.webhookId())).toList();
    }

    /**
     * How many sends an endpoint has open on every node, counted up to {@code atMost}: rows under a lease that has not
     * ended, all of which end within {@code lease} from now. One index range per endpoint: a grouped query over
     * several endpoints would read every row of their backlogs.
     */
    static int inFlight(Handle h, String webhook, Instant now, Duration lease, int atMost) {
        return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM delivery_queue WHERE webhook_id = :webhook"
                        + " AND due_at > :now AND due_at <= :horizon AND lease_token IS NOT NULL LIMIT :atMost) open")
                .bind("webhook", webhook)
                .bind("now", SqlTime.of(now))
                .bind("horizon", SqlTime.of(now.plus(lease)))
                .bind("atMost", atMost)
                .mapTo(Integer.class)
                .one();
    }

    /** The earliest due time of the endpoint's queue rows (a leased one at its lease's end); empty when none. */
    static Optional<Instant> earliestRow(Handle h, String webhook) {
        return h.createQuery("SELECT due_at FROM delivery_queue WHERE webhook_id = :webhook" + DueRows.IN_DUE_ORDER
                        + " LIMIT 1")
                .bind("webhook", webhook)
                .map((rs, ctx) -> SqlTime.read(rs, "due_at"))
                .findOne();
    }

    /** The most wake-ups one claim moves into the lanes; the rest wait for the next claim. */
    private static final int WAKEUPS_PER_CLAIM = 2_000;

    /**
     * New rows of these endpoints are due at these times: their turn comes no later, once this commits. An endpoint
     * whose turn has already come (the usual case under load) needs no wake-up; reading its turn takes no lock, and
     * should a claim end that turn before this commits, {@link #wakeStranded} gives it back within a second.
     */
    static void wakeLater(Handle h, Map<String, Instant> earliestDue) {
        if (earliestDue.isEmpty()) {
            return;
        }
        Map<String, Instant> turns = new HashMap<>();
        h.createQuery("SELECT webhook_id, wake_at FROM endpoint_lanes WHERE webhook_id IN (<ids>)"
                        + " AND wake_at IS NOT NULL")
                .bindList("ids", List.copyOf(earliestDue.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getString("webhook_id"), SqlTime.read(rs, "wake_at")))
                .forEach(e -> turns.put(e.getKey(), e.getValue()));
        PreparedBatch wakeups = h.prepareBatch("INSERT INTO lane_wakeups (webhook_id, due_at) VALUES (:id, :at)");
        earliestDue.forEach((id, at) -> {
            Instant turn = turns.get(id);
            if (turn == null || turn.isAfter(at)) {
                wakeups.bind("id", id).bind("at", SqlTime.of(at)).add();
            }
        });
        if (wakeups.size() > 0) {
            wakeups.execute();
        }
    }

    /** Moves committed wake-ups into their lanes and deletes them; wake-ups another claim holds are skipped. */
    static void takeWakeups(Handle h, SqlDialect dialect) {
        String oldest = "SELECT id, webhook_id, due_at FROM lane_wakeups ORDER BY id LIMIT " + WAKEUPS_PER_CLAIM;
        List<Map.Entry<Long, Map.Entry<String, Instant>>> taken = h.createQuery(
                        dialect == SqlDialect.POSTGRESQL ? oldest + " FOR UPDATE SKIP LOCKED" : oldest)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"),
                        Map.entry(rs.getString("webhook_id"), SqlTime.read(rs, "due_at"))))
                .list();
        if (taken.isEmpty()) {
            return;
        }
        List<Long> ids = taken.stream().map(Map.Entry::getKey).toList();
        if (dialect != SqlDialect.POSTGRESQL) {
            // H2 locks every row a WHERE matches before a LIMIT (see DueRows): lock just these, skipping held ones.
            List<Long> locked = h.createQuery("SELECT id FROM lane_wakeups WHERE id IN (<ids>) FOR UPDATE SKIP LOCKED")
                    .bindList("ids", ids).mapTo(Long.class).list();
            taken = taken.stream().filter(t -> locked.contains(t.getKey())).toList();
            ids = locked;
        }
        Map<String, Instant> earliest = new HashMap<>();
        taken.forEach(t -> earliest.merge(t.getValue().getKey(), t.getValue().getValue(),
                (a, b) -> a.isBefore(b) ? a : b));
        dueBy(h, earliest);
        if (!ids.isEmpty()) {
            h.createUpdate("DELETE FROM lane_wakeups WHERE id IN (<ids>)").bindList("ids", ids).execute();
        }
    }

    /** The earliest due time of these deliveries, by endpoint. */
    static Map<String, Instant> earliestDue(List<Delivery> due) {
        return due.stream().collect(Collectors.toMap(d -> d.webhookId().value(), DeliveryRows::dueAt,
                (a, b) -> a.isBefore(b) ? a : b));
    }

    /** Rows of these endpoints became due at these times: their turn comes no later. */
    static void dueBy(Handle h, Map<String, Instant> earliestDue) {
        if (earliestDue.isEmpty()) {
            return;
        }
        PreparedBatch wake = h.prepareBatch("UPDATE endpoint_lanes SET wake_at = :at WHERE webhook_id = :id"
                + " AND (wake_at IS NULL OR wake_at > :at)");
        new TreeMap<>(earliestDue).forEach((id, at) -> wake.bind("id", id).bind("at", SqlTime.of(at)).add());
        wake.execute();
    }

    /** What a claim changed in one lane: its next turn (empty: none known), a probe sent, its rate window. */
    record NextTurn(Optional<Instant> wakeAt, boolean probed, RateWindow rate) {
    }

    /** Sets the lanes' next turns after a claim, counts a probe for those that sent one, and their rate windows. */
    static void nextTurns(Handle h, Map<String, NextTurn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        PreparedBatch next = h.prepareBatch("UPDATE endpoint_lanes SET wake_at = :at, probes = probes + :probe,"
                + " rate_window = :window, rate_used = :used WHERE webhook_id = :id");
        new TreeMap<>(turns).forEach((id, turn) -> next.bind("id", id).bind("at", SqlTime.of(turn.wakeAt()))
                .bind("probe", turn.probed() ? 1 : 0)
                .bind("window", SqlTime.of(turn.rate().second()))
                .bind("used", turn.rate().used())
                .add());
        next.execute();
    }

    /**
     * Lanes whose turn is later than a row already due: a row that committed just after a claim had ended its
     * endpoint's turn without seeing it (see {@link #wakeLater}). Cheap (one index probe per waiting webhook) and run
     * about once a second, so such rows wait at most that long.
     */
    static int wakeStranded(Handle h, Instant now) {
        return h.createUpdate("UPDATE endpoint_lanes SET wake_at = :now WHERE (wake_at IS NULL OR wake_at > :now)"
                        + " AND EXISTS (SELECT 1 FROM delivery_queue q"
                        + " WHERE q.webhook_id = endpoint_lanes.webhook_id AND q.due_at <= :now)")
                .bind("now", SqlTime.of(now))
                .execute();
    }
}
