package dev.herald.adapter.persistence;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.endpoint.EndpointHealth;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    /**
     * Records real sends' results in their endpoints' health, in the order they were made. An endpoint that only
     * succeeded costs one UPDATE that changes (and locks) nothing unless it had been failing.
     */
    static void recordSends(Handle h, Map<String, List<Attempt>> attemptsByWebhook) {
        PreparedBatch healed = h.prepareBatch("UPDATE endpoint_lanes SET consecutive_failures = 0,"
                + " failing_since = NULL, last_failure_at = NULL, probes = 0"
                + " WHERE webhook_id = :id AND consecutive_failures > 0");
        Map<String, List<Attempt>> failing = new TreeMap<>();
        new TreeMap<>(attemptsByWebhook).forEach((id, attempts) -> {
            if (attempts.stream().allMatch(Attempt::succeeded)) {
                healed.bind("id", id).add();
            } else {
                failing.put(id, attempts);
            }
        });
        if (healed.size() > 0) {
            healed.execute();
        }
        failing.forEach((id, attempts) -> h.createQuery("SELECT " + HEALTH_COLUMNS + " FROM endpoint_lanes"
                        + " WHERE webhook_id = :id FOR UPDATE")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne()
                .ifPresent(health -> save(h, id, afterAttempts(health, attempts))));
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

    /** The health in a row of {@code endpoint_lanes}. */
    static EndpointHealth read(ResultSet rs) throws SQLException {
        return new EndpointHealth(rs.getInt("consecutive_failures"), SqlTime.readOptional(rs, "failing_since"),
                SqlTime.readOptional(rs, "last_failure_at"), rs.getInt("probes"),
                Optional.ofNullable(rs.getString("last_error")));
    }
}
