package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
            DeliveryRows.executeIfAny(queued);
            EndpointLanes.wakeLater(h, EndpointLanes.earliestDue(due));
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
    public List<HealthChange> complete(List<Completion> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        List<Completion> held = scope.inTransaction(h -> CompletionRows.saveHeld(h, completions));
        // The lanes in a transaction of their own, after the outcomes are durable: the outcomes' transaction stays as
        // short as it was (a process killed inside a long one leaves H2 more to recover), and a lane left behind by a
        // crash is put right by the queue rebuild (H2) or the stranded-lane check (PostgreSQL) within a second.
        return scope.inTransaction(h -> CompletionRows.updateLanes(h, held));
    }

    @Override
    public void release(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        scope.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(CompletionRows.MAKE_DUE_IF_HELD);
            for (Claim claim : claims) {
                // Back to the time it was due when claimed: due at once, without trusting this node's clock.
                batch.bind("id", claim.delivery().id().value())
                        .bind("token", claim.leaseToken())
                        .bind("dueAt", SqlTime.of(DeliveryRows.dueAt(claim.delivery())))
                        .add();
            }
            batch.execute();
            EndpointLanes.dueBy(h, EndpointLanes.earliestDue(claims.stream().map(Claim::delivery).toList()));
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
                EndpointLanes.wakeLater(h, EndpointLanes.earliestDue(List.of(updated)));
            }
            // Locked after the queue row, in the order a completion takes them. Gone: purged by retention while it
            // was being re-sent (docs/API.md §8.4); a delivery re-sent is final, so the queue was not touched.
            if (h.createQuery("SELECT id FROM deliveries WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(String.class).findOne().isEmpty()) {
                throw NotFoundException.delivery();
            }
            CompletionRows.saveManual(h, updated, attempt);
            EndpointHealthRows.recordSends(h, Map.of(updated.webhookId().value(), List.of(attempt)));
            return null;
        });
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindQueued(T statement,
                                                                                        Delivery delivery) {
        return statement.bind("id", delivery.id().value())
                .bind("webhook", delivery.webhookId().value())
                .bind("dueAt", SqlTime.of(DeliveryRows.dueAt(delivery)));
    }

    @Override
    public void freshStart(TenantId tenant, WebhookId webhook, Instant now) {
        scope.inTransaction(h -> {
            EndpointHealthRows.freshStart(h, tenant.value(), webhook.value(), now);
            return null;
        });
    }

    @Override
    public int recover(TenantId tenant, WebhookId webhook, Instant since, Instant now) {
        return scope.inTransaction(h -> WebhookBacklog.recover(h, tenant.value(), webhook.value(), since, now));
    }

    @Override
    public int cancelPending(TenantId tenant, WebhookId webhook) {
        return scope.inTransaction(h -> WebhookBacklog.cancelPending(h, tenant.value(), webhook.value()));
    }

    /** Two aggregates over the queue table, which holds only unfinished deliveries; no lock taken. */
    @Override
    public Backlog backlog(Instant now) {
        return scope.inTransaction(h -> h.createQuery("SELECT COUNT(*) AS unfinished,"
                        + " MIN(CASE WHEN due_at <= :now THEN due_at END) AS oldest_due FROM delivery_queue")
                .bind("now", SqlTime.of(now))
                .map((rs, ctx) -> new Backlog(rs.getLong("unfinished"), SqlTime.readOptional(rs, "oldest_due")))
                .one());
    }

    @Override
    public EndpointCensus endpointCensus(int failures) {
        return scope.inTransaction(h -> new EndpointCensus(
                h.createQuery("SELECT COUNT(*) FROM webhooks WHERE archived = FALSE AND disabled_date IS NOT NULL")
                        .mapTo(Long.class).one(),
                EndpointHealthRows.failing(h, failures)));
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
}
