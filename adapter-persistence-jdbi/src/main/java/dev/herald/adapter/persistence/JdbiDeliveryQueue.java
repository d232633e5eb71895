package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Deliveries in {@code deliveries}, attempts in {@code attempts}, and the unfinished ones in the small polled table
 * {@code delivery_queue(delivery_id, due_at, lease_token)}. A claim locks due rows with {@code FOR UPDATE SKIP LOCKED},
 * moves them to the end of the lease under a fresh token (one per claim); completing or releasing needs that token, so
 * a worker whose lease expired (and was claimed again) changes nothing.
 */
public final class JdbiDeliveryQueue implements ForQueueingDeliveries {
    private static final String ENQUEUE = "INSERT INTO delivery_queue (delivery_id, due_at) VALUES (:id, :dueAt)";
    private static final String MAKE_DUE_IF_HELD = "UPDATE delivery_queue SET due_at = :dueAt, lease_token = NULL"
            + " WHERE delivery_id = :id AND lease_token = :token";

    private final TransactionScope scope;
    private final SqlDialect dialect;

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
            for (Delivery delivery : deliveries) {
                DeliveryRows.bindDelivery(records, delivery).add();
                if (!delivery.status().isFinal()) {
                    queued.bind("id", delivery.id().value()).bind("dueAt", SqlTime.of(dueAt(delivery))).add();
                }
            }
            records.execute();
            if (queued.size() > 0) {
                queued.execute();
            }
            return null;
        });
    }

    @Override
    public List<Claim> claim(Instant now, int max, long maxDataBytes, Duration lease) {
        return scope.inTransaction(h -> {
            List<String> ids = DueRows.withinDataBytes(h, DueRows.lock(h, dialect, now, max), maxDataBytes);
            if (ids.isEmpty()) {
                return List.of();
            }
            // One token for the whole claim: it only has to differ from every other claim's.
            String token = UUID.randomUUID().toString();
            h.createUpdate("UPDATE delivery_queue SET due_at = :leaseEnd, lease_token = :token"
                            + " WHERE delivery_id IN (<ids>)")
                    .bindList("ids", ids)
                    .bind("token", token)
                    .bind("leaseEnd", SqlTime.of(now.plus(lease)))
                    .execute();
            Map<String, Delivery> deliveries = load(h, ids);
            return ids.stream().map(id -> new Claim(deliveries.get(id), token)).toList();
        });
    }

    @Override
    public void complete(List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        scope.inTransaction(h -> {
            save(h, stillHeld(h, completions));
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
            return batch.execute();
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
                h.createUpdate(ENQUEUE).bind("id", id).bind("dueAt", SqlTime.of(dueAt(updated))).execute();
            }
            save(h, List.of(new Outcome(updated, Optional.of(attempt))));
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
    private static List<Outcome> stillHeld(Handle h, List<Completion> completions) {
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
        List<Outcome> held = new ArrayList<>();
        addMoved(finishedCompletions, executeIfAny(finished), held);
        addMoved(dueCompletions, executeIfAny(due), held);
        return held;
    }

    /** Zero rows means another claim holds the row; an unknown count (a driver may not say) is taken as moved. */
    private static void addMoved(List<Completion> completions, int[] counts, List<Outcome> moved) {
        for (int i = 0; i < completions.size(); i++) {
            if (counts[i] != 0) {
                moved.add(Outcome.of(completions.get(i)));
            }
        }
    }

    private static int[] executeIfAny(PreparedBatch batch) {
        return batch.size() > 0 ? batch.execute() : new int[0];
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
