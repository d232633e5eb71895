package dev.herald.adapter.persistence;

import dev.herald.application.port.in.DeliveryQuery;
import dev.herald.application.port.out.ForQueueingDeliveries;
import dev.herald.domain.Attempt;
import dev.herald.domain.Delivery;
import dev.herald.domain.DeliveryId;
import dev.herald.domain.DeliveryStatus;
import dev.herald.domain.TenantId;
import dev.herald.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** The claim's one locking query on PostgreSQL; served by the index on due_at. */
    static final String CLAIM_DUE_ROWS = "SELECT delivery_id FROM delivery_queue WHERE due_at <= :now"
            + " ORDER BY due_at LIMIT :max FOR UPDATE SKIP LOCKED";

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
            List<String> ids = withinDataBytes(h, lockDueRows(h, now, max), maxDataBytes);
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

    /**
     * The first of the locked ids (in due order) whose events' data, each event counted once, stays within
     * {@code maxDataBytes}; at least one. The rows left out stay due, unleased, for the next claim.
     */
    private static List<String> withinDataBytes(Handle h, List<String> ids, long maxDataBytes) {
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

    /**
     * The ids of up to {@code max} due rows, earliest first, locked for this transaction and skipping rows other
     * claimers hold. H2 (2.5.252) accepts {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} but locks every row the
     * WHERE matches before sorting and limiting, so one claimer would hold the whole due set; there the earliest ids
     * are read first without locks, and only those are then locked (re-checking that they are still due).
     */
    private List<String> lockDueRows(Handle h, Instant now, int max) {
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
     * Rebuilds the queue from the delivery log: every PENDING delivery, due at its next attempt, under no lease; how
     * many. Only right while no other worker uses this database. TRUNCATE (unlike DELETE) also empties the table's
     * indexes, which H2 2.5 can leave out of step with its rows when the process is killed mid-write; each delivery
     * is then put back through its primary key, so a row only a table scan still sees (a killed transaction's, not
     * yet rolled back) is left out rather than breaking the rebuild.
     */
    int rebuildFromDeliveryLog() {
        return scope.inTransaction(h -> {
            h.execute("TRUNCATE TABLE delivery_queue"); // H2 commits here: a crash now is repaired by the next start
            List<String> pending = h.createQuery("SELECT id FROM deliveries WHERE status = 'PENDING'")
                    .mapTo(String.class)
                    .list();
            PreparedBatch requeue = h.prepareBatch("INSERT INTO delivery_queue (delivery_id, due_at)"
                    + " SELECT d.id, COALESCE(d.next_attempt_date, d.created_date) FROM deliveries d"
                    + " WHERE d.id = :id AND d.status = 'PENDING'"
                    + " AND NOT EXISTS (SELECT 1 FROM delivery_queue q WHERE q.delivery_id = d.id)");
            pending.forEach(id -> requeue.bind("id", id).add());
            return Arrays.stream(executeIfAny(requeue)).sum();
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
    public void record(Delivery updated, Attempt attempt) {
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
    public Optional<Delivery> find(TenantId tenant, DeliveryId id) {
        return scope.inTransaction(h -> h.createQuery("SELECT " + DeliveryRows.DELIVERY_COLUMNS
                        + " FROM deliveries WHERE id = :id AND tenant = :tenant")
                .bind("id", id.value())
                .bind("tenant", tenant.value())
                .map(DeliveryRows::delivery)
                .findOne());
    }

    @Override
    public List<Delivery> list(TenantId tenant, WebhookId webhook, DeliveryQuery query) {
        return scope.inTransaction(h -> DeliveryListSql.query(h, tenant, webhook, query)
                .map(DeliveryRows::delivery)
                .list());
    }

    @Override
    public Map<DeliveryId, List<Attempt>> attempts(Collection<DeliveryId> ids) {
        Map<DeliveryId, List<Attempt>> result = new LinkedHashMap<>();
        ids.forEach(id -> result.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return result;
        }
        scope.inTransaction(h -> h.createQuery("SELECT " + DeliveryRows.ATTEMPT_COLUMNS + " FROM attempts"
                        + " WHERE delivery_id IN (<ids>) ORDER BY delivery_id, attempt_number, id")
                .bindList("ids", ids.stream().map(DeliveryId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(new DeliveryId(rs.getString("delivery_id")),
                        DeliveryRows.attempt(rs, ctx)))
                .list())
                .forEach(row -> result.get(row.getKey()).add(row.getValue()));
        result.replaceAll((id, list) -> List.copyOf(list));
        return result;
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
