package dev.herald.adapter.persistence;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.endpoint.EndpointHealth;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Each endpoint's health (docs/API.md §6.8), in its row of {@code endpoint_lanes}: recorded from the real sends of a
 * batch of outcomes, read for the webhook's {@code health} and by a claim. Rows are locked in webhook id order.
 */
final class EndpointHealthRows {
    private static final String HEALTH_COLUMNS = "webhook_id, consecutive_failures, failing_since, last_failure_at,"
            + " probes, last_error";

    private EndpointHealthRows() {
    }

    /** A fresh start (enable): failures forgotten, the circuit closed, the lane's turn now. */
    static void freshStart(Handle h, String tenant, String webhook, Instant now) {
        h.createUpdate("UPDATE endpoint_lanes SET consecutive_failures = 0, failing_since = NULL,"
                        + " last_failure_at = NULL, probes = 0, wake_at = :now WHERE webhook_id = :id AND tenant = :tenant")
                .bind("id", webhook)
                .bind("tenant", tenant)
                .bind("now", SqlTime.of(now))
                .execute();
    }

    /** An endpoint's health before and after the sends recorded. */
    record Change(EndpointHealth before, EndpointHealth after) {
    }

    /**
     * Records real sends' results in their endpoints' health, in the order they were made, and returns what changed
     * for the endpoints that failed or had been failing. An endpoint that only succeeded costs a share of one SELECT
     * that locks nothing unless it had been failing.
     */
    static Map<String, Change> recordSends(Handle h, Map<String, List<Attempt>> attemptsByWebhook) {
        List<String> succeeded = new ArrayList<>();
        Map<String, List<Attempt>> failing = new TreeMap<>();
        new TreeMap<>(attemptsByWebhook).forEach((id, attempts) -> {
            if (attempts.stream().allMatch(Attempt::succeeded)) {
                succeeded.add(id);
            } else {
                failing.put(id, attempts);
            }
        });
        Map<String, Change> changes = new TreeMap<>();
        heal(h, succeeded, changes);
        failing.forEach((id, attempts) -> h.createQuery("SELECT " + HEALTH_COLUMNS + " FROM endpoint_lanes"
                        + " WHERE webhook_id = :id FOR UPDATE")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne()
                .ifPresent(health -> {
                    EndpointHealth after = afterAttempts(health, attempts);
                    save(h, id, after);
                    changes.put(id, new Change(health, after));
                }));
        return changes;
    }

    /** Endpoints that only succeeded: those that had been failing are healthy again (their health read first). */
    private static void heal(Handle h, List<String> succeeded, Map<String, Change> changes) {
        if (succeeded.isEmpty()) {
            return;
        }
        Map<String, EndpointHealth> wasFailing = new TreeMap<>();
        h.createQuery("SELECT " + HEALTH_COLUMNS + " FROM endpoint_lanes WHERE webhook_id IN (<ids>)"
                        + " AND consecutive_failures > 0 ORDER BY webhook_id FOR UPDATE")
                .bindList("ids", succeeded)
                .map((rs, ctx) -> Map.entry(rs.getString("webhook_id"), read(rs)))
                .forEach(e -> wasFailing.put(e.getKey(), e.getValue()));
        if (wasFailing.isEmpty()) {
            return;
        }
        PreparedBatch healed = h.prepareBatch("UPDATE endpoint_lanes SET consecutive_failures = 0,"
                + " failing_since = NULL, last_failure_at = NULL, probes = 0 WHERE webhook_id = :id");
        wasFailing.forEach((id, before) -> {
            healed.bind("id", id).add();
            changes.put(id, new Change(before, before.succeeded()));
        });
        healed.execute();
    }

    private static EndpointHealth afterAttempts(EndpointHealth health, List<Attempt> attempts) {
        EndpointHealth after = health;
        for (Attempt attempt : attempts) {
            after = attempt.succeeded() ? after.succeeded() : after.failed(attempt.date(), failure(attempt));
        }
        return after;
    }

    /** What a failed attempt reports: its error, or its HTTP status. */
    private static String failure(Attempt attempt) {
        String text = attempt.error().orElseGet(() -> "HTTP " + attempt.status().map(String::valueOf).orElse("?"));
        return text.length() <= 1024 ? text : text.substring(0, 1024);
    }

    private static void save(Handle h, String id, EndpointHealth health) {
        h.createUpdate("UPDATE endpoint_lanes SET consecutive_failures = :failures, failing_since = :since,"
                        + " last_failure_at = :last, probes = :probes, last_error = :error WHERE webhook_id = :id")
                .bind("id", id)
                .bind("failures", health.consecutiveFailures())
                .bind("since", SqlTime.of(health.failingSince()))
                .bind("last", SqlTime.of(health.lastFailureAt()))
                .bind("probes", health.probes())
                .bind("error", health.lastError().orElse(null))
                .execute();
    }

    /** The health of the tenant's endpoints among these (absent: no such webhook of the tenant). */
    static Map<String, EndpointHealth> health(Handle h, String tenant, Collection<String> webhooks) {
        Map<String, EndpointHealth> found = new HashMap<>();
        if (webhooks.isEmpty()) {
            return found;
        }
        h.createQuery("SELECT " + HEALTH_COLUMNS + " FROM endpoint_lanes WHERE webhook_id IN (<ids>)"
                        + " AND tenant = :tenant")
                .bindList("ids", List.copyOf(webhooks))
                .bind("tenant", tenant)
                .map((rs, ctx) -> Map.entry(rs.getString("webhook_id"), read(rs)))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** The health of the endpoints of live, enabled webhooks with at least {@code failures} failed sends in a row. */
    static List<EndpointHealth> failing(Handle h, int failures) {
        return h.createQuery("SELECT l.webhook_id, l.consecutive_failures, l.failing_since, l.last_failure_at,"
                        + " l.probes, l.last_error FROM endpoint_lanes l JOIN webhooks w ON w.id = l.webhook_id"
                        + " WHERE l.consecutive_failures >= :failures AND w.archived = FALSE"
                        + " AND w.disabled_date IS NULL")
                .bind("failures", failures)
                .map((rs, ctx) -> read(rs))
                .list();
    }

    /** The health in a row of {@code endpoint_lanes}. */
    static EndpointHealth read(ResultSet rs) throws SQLException {
        return new EndpointHealth(rs.getInt("consecutive_failures"), SqlTime.readOptional(rs, "failing_since"),
                SqlTime.readOptional(rs, "last_failure_at"), rs.getInt("probes"),
                Optional.ofNullable(rs.getString("last_error")));
    }
}
