package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForQueueingDeliveries.Completion;
import dev.herald.application.port.out.ForQueueingDeliveries.HealthChange;
import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outcomes of attempts, written as rows: the deliveries and their attempts, the queue rows they leave or move,
 * and afterwards their endpoints' lanes. Everything is written in batches.
 */
final class CompletionRows {
    /** Moves a queue row back to due, only while the claim that holds it (its token) still does. */
    static final String MAKE_DUE_IF_HELD = "UPDATE delivery_queue SET due_at = :dueAt, lease_token = NULL"
            + " WHERE delivery_id = :id AND lease_token = :token";

    private CompletionRows() {
    }

    /**
     * Saves the completions whose claim still holds their queue row, and returns them. A PENDING delivery is due again
     * at its next attempt, a final one leaves the queue. A row moves only while it carries the claim's token (the
     * change locks it until commit), so a worker whose lease expired and was claimed again records nothing.
     */
    static List<Completion> saveHeld(Handle h, List<Completion> completions) {
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
                queueChange.bind("dueAt", SqlTime.of(DeliveryRows.dueAt(updated)));
            }
            queueChange.add();
            (isFinal ? finishedCompletions : dueCompletions).add(completion);
        }
        List<Completion> held = new ArrayList<>();
        addMoved(finishedCompletions, DeliveryRows.executeIfAny(finished), held);
        addMoved(dueCompletions, DeliveryRows.executeIfAny(due), held);
        save(h, held.stream().map(c -> new Outcome(c.updated(), c.attempt())).toList());
        return held;
    }

    /** Saves one delivery after a manual attempt (its queue row is the caller's to handle). */
    static void saveManual(Handle h, Delivery updated, Attempt attempt) {
        save(h, List.of(new Outcome(updated, Optional.of(attempt))));
    }

    /**
     * Records the sends of saved completions in their endpoints' lanes: their health, the next due time of the
     * deliveries still pending, and the end of each send. What their health became, for the endpoints whose health
     * this changed.
     */
    static List<HealthChange> updateLanes(Handle h, List<Completion> held) {
        Map<String, EndpointHealthRows.Change> changes = EndpointHealthRows.recordSends(h, sentAttempts(held));
        EndpointLanes.dueBy(h, EndpointLanes.earliestDue(held.stream().map(Completion::updated)
                .filter(d -> !d.status().isFinal()).toList()));
        // Their sends are over: an endpoint that was waiting for a free send takes its turn now (when the send
        // ended), behind those that have waited longer.
        EndpointLanes.dueBy(h, held.stream().filter(c -> c.attempt().isPresent()).collect(Collectors.toMap(
                c -> c.updated().webhookId().value(), CompletionRows::sendEnded, CompletionRows::later)));
        Map<String, Delivery> byWebhook = new HashMap<>();
        held.forEach(c -> byWebhook.putIfAbsent(c.updated().webhookId().value(), c.updated()));
        return changes.entrySet().stream()
                .map(e -> new HealthChange(byWebhook.get(e.getKey()).tenant(), byWebhook.get(e.getKey()).webhookId(),
                        e.getValue().before(), e.getValue().after()))
                .toList();
    }

    /** The delivery after an attempt (if one was made). */
    private record Outcome(Delivery updated, Optional<Attempt> attempt) {
    }

    private static void save(Handle h, List<Outcome> outcomes) {
        PreparedBatch attempts = h.prepareBatch(DeliveryRows.INSERT_ATTEMPT);
        PreparedBatch deliveries = h.prepareBatch(DeliveryRows.UPDATE_DELIVERY);
        for (Outcome outcome : outcomes) {
            Delivery updated = outcome.updated();
            outcome.attempt().ifPresent(a -> DeliveryRows.bindAttempt(attempts, updated.id(), a).add());
            DeliveryRows.bindDelivery(deliveries, updated).add();
        }
        DeliveryRows.executeIfAny(attempts);
        DeliveryRows.executeIfAny(deliveries);
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
                .sorted(Comparator.comparing(c -> c.attempt().orElseThrow().date()))
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
}
