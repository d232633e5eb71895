package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Deliveries in {@code deliveries}, attempts in {@code attempts}, and the unfinished ones in the small polled table
 * {@code delivery_queue(delivery_id, webhook_id, due_at, lease_token)}. A claim takes turns between endpoints
 * ({@link FairClaim}, {@link EndpointLanes}), locks due rows with {@code FOR UPDATE SKIP LOCKED}, and moves them to
 * the end of the lease under a fresh token (one per claim); completing or releasing needs that token, so a worker
 * whose lease expired (and was claimed again) changes nothing.
 */
public final class JdbiDeliveryQueue implements ForQueueingDeliveries {
    private static final String ENQUEUE = "INSERT INTO delivery_queue (delivery_id, webhook_id, due_at)"
            + " VALUES (:id, :webhook, :dueAt)";
    /** How often a node looks for endpoints left without a turn ({@link EndpointLanes#wakeStranded}). */
    private static final Duration STRANDED_CHECK = Duration.ofSeconds(1);
    private static final String MAKE_DUE_IF_HELD = "UPDATE delivery_queue SET due_at = :dueAt, lease_token = NULL"
            + " WHERE delivery_id = :id AND lease_token = :token";

    private final TransactionScope scope;
    private final SqlDialect dialect;
    private volatile Instant nextStrandedCheck = Instant.MIN;

    JdbiDeliveryQueue(TransactionScope scope, SqlDialect dialect) {
        this.scope = scope;
        this.dialect = dialect;
    }

    @Override
    public void enqueue(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        scope.inTransaction(h -> {
            PreparedBatch records = h.prepareBatch(DeliveryRows.INSERT_DELIVERY);
            PreparedBatch queued = h.prepareBatch(ENQUEUE);
            List<Delivery> due = deliveries.stream().filter(d -> !d.status().isFinal()).toList();
            deliveries.forEach(delivery -> DeliveryRows.bindDelivery(records, delivery).add());
            due.forEach(delivery -> bindQueued(queued, delivery).add());
            records.execute();
            executeIfAny(queued);
            EndpointLanes.wakeLater(h, earliestDue(due));
            return null;
        });
    }

    @Override
    public List<Claim> claim(Instant now, int max, long maxDataBytes, Duration lease, EndpointLimits endpoints) {
        return scope.inTransaction(h -> {
            if (!now.isBefore(nextStrandedCheck)) {
                nextStrandedCheck = now.plus(STRANDED_CHECK);
                EndpointLanes.wakeStranded(h, now);
            }
            // One token for the whole claim: it only has to differ from every other claim's.
            EndpointLanes.takeWakeups(h, dialect);
            String token = UUID.randomUUID().toString();
            List<FairClaim.Taken> taken = FairClaim.take(h, dialect, now, max, maxDataBytes, lease, endpoints, token);
            if (taken.isEmpty()) {
                return List.of();
            }
            Map<String, Delivery> deliveries = load(h, taken.stream().map(FairClaim.Taken::deliveryId).toList());
            return taken.stream().map(t -> new Claim(deliveries.get(t.deliveryId()), token, t.send())).toList();
        });
    }

    @Override
    public void complete(List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        List<Completion> held = scope.inTransaction(h -> {
            List<Completion> moved = stillHeld(h, completions);
            save(h, moved.stream().map(Outcome::of).toList());
            return moved;
        });
        // The lanes in a transaction of their own, after the outcomes are durable: the outcomes' transaction stays as
        // short as it was (a process killed inside a long one leaves H2 more to recover), and a lane left behind by a
        // crash is put right by the queue rebuild (H2) or the stranded-lane check (PostgreSQL) within a second.
        scope.inTransaction(h -> {
            EndpointHealthRows.recordSends(h, sentAttempts(held));
            EndpointLanes.dueBy(h, earliestDue(held.stream().map(Completion::updated)
                    .filter(d -> !d.status().isFinal()).toList()));
            // Their sends are over: an endpoint that was waiting for a free send takes its turn now (when the send
            // ended), behind those that have waited longer.
            EndpointLanes.dueBy(h, held.stream().filter(c -> c.attempt().isPresent()).collect(Collectors.toMap(
                    c -> c.updated().webhookId().value(), JdbiDeliveryQueue::sendEnded, JdbiDeliveryQueue::later)));
            return null;
        });
    }

    @Override
    public void release(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        scope.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(MAKE_DUE_IF_HELD);
            for (Claim claim : claims) {
                // Back to the time it was due when claimed: due at once, without trusting this node's clock.
                batch.bind("id", claim.delivery().id().value())
                        .bind("token", claim.leaseToken())
                        .bind("dueAt", SqlTime.of(dueAt(claim.delivery())))
                        .add();
            }
            batch.execute();
            EndpointLanes.dueBy(h, earliestDue(claims.stream().map(Claim::delivery).toList()));
            return null;
        });
    }

    /**
     * A manual attempt: a final delivery leaves the queue; a PENDING one keeps its queue row as it is (a worker may
     * hold it under a lease), or is put back when it had left (a FAILED one that was re-sent is not: it stays FAILED).
     */
    @Override
    public void recordManualAttempt(Delivery updated, Attempt attempt) {
        scope.inTransaction(h -> {
            String id = updated.id().value();
            if (updated.status().isFinal()) {
                h.createUpdate("DELETE FROM delivery_queue WHERE delivery_id = :id").bind("id", id).execute();
            } else if (h.createQuery("SELECT COUNT(*) FROM delivery_queue WHERE delivery_id = :id")
                    .bind("id", id).mapTo(Integer.class).one() == 0) {
                bindQueued(h.createUpdate(ENQUEUE), updated).execute();
                EndpointLanes.wakeLater(h, earliestDue(List.of(updated)));
            }
            save(h, List.of(new Outcome(updated, Optional.of(attempt))));
            EndpointHealthRows.recordSends(h, Map.of(updated.webhookId().value(), List.of(attempt)));
            return null;
        });
    }

    /** The delivery after an attempt (if one was made). */
    private record Outcome(Delivery updated, Optional<Attempt> attempt) {
        static Outcome of(Completion completion) {
            return new Outcome(completion.updated(), completion.attempt());
        }
    }

    /** Saves the attempts and the deliveries, in batches. */
    private static void save(Handle h, List<Outcome> outcomes) {
        PreparedBatch attempts = h.prepareBatch(DeliveryRows.INSERT_ATTEMPT);
        PreparedBatch deliveries = h.prepareBatch(DeliveryRows.UPDATE_DELIVERY);
        for (Outcome outcome : outcomes) {
            Delivery updated = outcome.updated();
            outcome.attempt().ifPresent(a -> DeliveryRows.bindAttempt(attempts, updated.id(), a).add());
            DeliveryRows.bindDelivery(deliveries, updated).add();
        }
        executeIfAny(attempts);
        executeIfAny(deliveries);
    }

    /**
     * Moves the queue rows of the completions whose claim still holds them — a PENDING delivery is due again at its
     * next attempt, a final one leaves the queue — and returns their outcomes. A row moves only while it carries the
     * claim's token (the change locks it until commit), so a worker whose lease expired and was claimed again records
     * nothing.
     */
    private static List<Completion> stillHeld(Handle h, List<Completion> completions) {
        PreparedBatch due = h.prepareBatch(MAKE_DUE_IF_HELD);
        PreparedBatch finished = h.prepareBatch("DELETE FROM delivery_queue WHERE delivery_id = :id"
                + " AND lease_token = :token");
        List<Completion> dueCompletions = new ArrayList<>();
        List<Completion> finishedCompletions = new ArrayList<>();
        for (Completion completion : completions) {
            Delivery updated = completion.updated();
            boolean isFinal = updated.status().isFinal();
            PreparedBatch queueChange = (isFinal ? finished : due)
                    .bind("id", updated.id().value())
                    .bind("token", completion.claim().leaseToken());
            if (!isFinal) {
                queueChange.bind("dueAt", SqlTime.of(dueAt(updated)));
            }
            queueChange.add();
            (isFinal ? finishedCompletions : dueCompletions).add(completion);
        }
        List<Completion> held = new ArrayList<>();
        addMoved(finishedCompletions, executeIfAny(finished), held);
        addMoved(dueCompletions, executeIfAny(due), held);
        return held;
    }

    /** Zero rows means another claim holds the row; an unknown count (a driver may not say) is taken as moved. */
    private static void addMoved(List<Completion> completions, int[] counts, List<Completion> moved) {
        for (int i = 0; i < completions.size(); i++) {
            if (counts[i] != 0) {
                moved.add(completions.get(i));
            }
        }
    }

    /** The attempts actually sent (not failed at an open circuit), by endpoint, in the order they were made. */
    private static Map<String, List<Attempt>> sentAttempts(List<Completion> completions) {
        Map<String, List<Attempt>> sent = new LinkedHashMap<>();
        completions.stream()
                .filter(c -> c.claim().send() && c.attempt().isPresent())
                .sorted(java.util.Comparator.comparing(c -> c.attempt().orElseThrow().date()))
                .forEach(c -> sent.computeIfAbsent(c.updated().webhookId().value(), k -> new ArrayList<>())
                        .add(c.attempt().orElseThrow()));
        return sent;
    }

    private static Instant sendEnded(Completion completion) {
        Attempt attempt = completion.attempt().orElseThrow();
        return attempt.date().plusMillis(attempt.durationMs());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earliest due time of these deliveries, by endpoint. */
    private static Map<String, Instant> earliestDue(List<Delivery> due) {
        return due.stream().collect(Collectors.toMap(d -> d.webhookId().value(), JdbiDeliveryQueue::dueAt,
                (a, b) -> a.isBefore(b) ? a : b));
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindQueued(T statement,
                                                                                        Delivery delivery) {
        return statement.bind("id", delivery.id().value())
                .bind("webhook", delivery.webhookId().value())
                .bind("dueAt", SqlTime.of(dueAt(delivery)));
    }

    private static int[] executeIfAny(PreparedBatch batch) {
        return batch.size() > 0 ? batch.execute() : new int[0];
    }

    @Override
    public void freshStart(TenantId tenant, WebhookId webhook, Instant now) {
        scope.inTransaction(h -> h.createUpdate("UPDATE endpoint_lanes SET consecutive_failures = 0,"
                        + " failing_since = NULL, last_failure_at = NULL, probes = 0, wake_at = :now"
                        + " WHERE webhook_id = :id AND tenant = :tenant")
                .bind("id", webhook.value())
                .bind("tenant", tenant.value())
                .bind("now", SqlTime.of(now))
                .execute());
    }

    /**
     * One UPDATE revives the deliveries, marking them with {@code now} as their next attempt; the queue rows are then
     * made from exactly those (a concurrent recover waits for the row locks and finds them no longer FAILED).
     */
    @Override
    public int recover(TenantId tenant, WebhookId webhook, Instant since, Instant now) {
        return scope.inTransaction(h -> {
            String ofWebhook = " WHERE tenant = :tenant AND webhook_id = :webhook";
            int recovered = h.createUpdate("UPDATE deliveries SET status = :pending, next_attempt_date = :now"
                            + ofWebhook + " AND status = :failed AND created_date >= :since")
                    .bind("tenant", tenant.value()).bind("webhook", webhook.value())
                    .bind("pending", DeliveryStatus.PENDING.name()).bind("failed", DeliveryStatus.FAILED.name())
                    .bind("now", SqlTime.of(now)).bind("since", SqlTime.of(since))
                    .execute();
            if (recovered > 0) {
                h.createUpdate("INSERT INTO delivery_queue (delivery_id, webhook_id, due_at)"
                                + " SELECT id, webhook_id, next_attempt_date FROM deliveries" + ofWebhook
                                + " AND status = :pending AND next_attempt_date = :now"
                                + " AND NOT EXISTS (SELECT 1 FROM delivery_queue q"
                                + " WHERE q.delivery_id = deliveries.id)")
                        .bind("tenant", tenant.value()).bind("webhook", webhook.value())
                        .bind("pending", DeliveryStatus.PENDING.name()).bind("now", SqlTime.of(now))
                        .execute();
                EndpointLanes.dueBy(h, Map.of(webhook.value(), now));
            }
            return recovered;
        });
    }

    @Override
    public int cancelPending(TenantId tenant, WebhookId webhook) {
        return scope.inTransaction(h -> {
            h.createUpdate("DELETE FROM delivery_queue WHERE delivery_id IN (SELECT id FROM deliveries"
                            + " WHERE tenant = :tenant AND webhook_id = :webhook AND status = :pending)")
                    .bind("tenant", tenant.value())
                    .bind("webhook", webhook.value())
                    .bind("pending", DeliveryStatus.PENDING.name())
                    .execute();
            return h.createUpdate("UPDATE deliveries SET status = :cancelled, next_attempt_date = NULL"
                            + " WHERE tenant = :tenant AND webhook_id = :webhook AND status = :pending")
                    .bind("tenant", tenant.value())
                    .bind("webhook", webhook.value())
                    .bind("pending", DeliveryStatus.PENDING.name())
                    .bind("cancelled", DeliveryStatus.CANCELLED.name())
                    .execute();
        });
    }

    @Override
    public Map<WebhookId, EndpointHealth> health(TenantId tenant, Collection<WebhookId> webhooks) {
        Map<String, EndpointHealth> found = scope.inTransaction(h -> EndpointHealthRows.health(h, tenant.value(),
                webhooks.stream().map(WebhookId::value).toList()));
        Map<WebhookId, EndpointHealth> health = new LinkedHashMap<>();
        webhooks.forEach(id -> health.put(id, found.getOrDefault(id.value(), EndpointHealth.HEALTHY)));
        return health;
    }

    private static Map<String, Delivery> load(Handle h, List<String> ids) {
        Map<String, Delivery> byId = new HashMap<>();
        h.createQuery("SELECT " + DeliveryRows.DELIVERY_COLUMNS + " FROM deliveries WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map(DeliveryRows::delivery)
                .forEach(d -> byId.put(d.id().value(), d));
        return byId;
    }

    private static Instant dueAt(Delivery delivery) {
        return delivery.nextAttemptDate().orElse(delivery.createdDate());
    }
}
