package dev.herald.adapter.persistence;

import dev.herald.adapter.persistence.EndpointLanes.Lane;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.endpoint.EndpointTurn;
import dev.herald.domain.endpoint.RateWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One claim, shared fairly between endpoints (docs/API.md §6.8): the lanes whose turn has come, longest waiting first,
 * each offered an equal share of the claim and taking what its {@link EndpointTurn} allows, earliest due first. A lane
 * that took its whole share goes to the back of the line; one that could take nothing (at its concurrency limit, or
 * waiting for its probe) is looked at again when one of its sends finishes, or after {@link #RECHECK}.
 */
final class FairClaim {
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** The most lanes one claim visits; the rest keep their turn for the next claim. */
    private static final int MAX_LANES = 64;

    private FairClaim() {
    }

    /** A delivery taken by the claim, and whether it is sent (not when its endpoint's circuit is open). */
    record Taken(String deliveryId, boolean send) {
    }

    /** Takes and leases (under {@code token}) up to {@code max} due deliveries, within the data bound. */
    static List<Taken> take(Handle h, SqlDialect dialect, Instant now, int max, long maxDataBytes, Duration lease,
                            EndpointLimits limits, String token) {
        List<Lane> lanes = EndpointLanes.lockDue(h, now, Math.min(max, MAX_LANES));
        if (lanes.isEmpty()) {
            return List.of();
        }
        int share = (max + lanes.size() - 1) / lanes.size();
        int budget = max;
        Map<String, Taken> taken = new LinkedHashMap<>();
        Map<String, String> laneOf = new HashMap<>();
        Map<String, Optional<Instant>> turns = new HashMap<>();
        Map<String, Lane> laneById = new HashMap<>();
        Map<String, Integer> sent = new HashMap<>();
        Set<String> allTaken = new HashSet<>();
        Set<String> probed = new HashSet<>();
        for (Lane lane : lanes) {
            String webhook = lane.webhookId();
            if (budget == 0) {
                break; // its turn stays where it was: first in line for the next claim
            }
            laneById.put(webhook, lane);
            int allowance = lane.rate().allowance(lane.rateLimit(), now);
            int inFlight = EndpointLanes.inFlight(h, webhook, now, lease, limits.concurrency());
            EndpointTurn turn = EndpointTurn.of(lane.health(), inFlight, Math.min(share, budget), allowance, limits,
                    now);
            List<String> ids = turn.take() == 0 ? List.of() : DueRows.lock(h, dialect, webhook, now, turn.take());
            ids.forEach(id -> {
                taken.put(id, new Taken(id, turn.send()));
                laneOf.put(id, webhook);
            });
            budget -= ids.size();
            if (turn.take() == 0) {
                // Held by its rate until the next second, or by its open sends until one finishes.
                turns.put(webhook, Optional.of(allowance == 0 ? RateWindow.nextSecond(now) : now.plus(RECHECK)));
            } else if (ids.size() == turn.take()) {
                turns.put(webhook, Optional.of(now));
            } else {
                allTaken.add(webhook);
            }
            if (turn.probe() && !ids.isEmpty()) {
                probed.add(webhook);
            }
        }
        List<String> kept = DueRows.withinDataBytes(h, List.copyOf(taken.keySet()), maxDataBytes);
        taken.keySet().stream().filter(id -> !kept.contains(id)).map(laneOf::get).distinct().forEach(webhook -> {
            allTaken.remove(webhook); // rows left for the data bound: still due, so back of the line
            turns.put(webhook, Optional.of(now));
        });
        lease(h, kept, now.plus(lease), token);
        allTaken.forEach(webhook -> turns.put(webhook, EndpointLanes.earliestRow(h, webhook)));
        kept.stream().filter(id -> taken.get(id).send()).forEach(id -> sent.merge(laneOf.get(id), 1, Integer::sum));
        Map<String, EndpointLanes.NextTurn> next = new HashMap<>();
        turns.forEach((webhook, wakeAt) -> next.put(webhook, new EndpointLanes.NextTurn(wakeAt,
                probed.contains(webhook), laneById.get(webhook).rate().after(sent.getOrDefault(webhook, 0), now))));
        EndpointLanes.nextTurns(h, next);
        return kept.stream().map(taken::get).toList();
    }

    private static void lease(Handle h, List<String> ids, Instant leaseEnd, String token) {
        if (!ids.isEmpty()) {
            h.createUpdate("UPDATE delivery_queue SET due_at = :leaseEnd, lease_token = :token"
                            + " WHERE delivery_id IN (<ids>)")
                    .bindList("ids", ids)
                    .bind("token", token)
                    .bind("leaseEnd", SqlTime.of(leaseEnd))
                    .execute();
        }
    }
}
