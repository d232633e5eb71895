package dev.herald.application.port.out;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.endpoint.EndpointHealth;
import dev.herald.domain.endpoint.EndpointLimits;
import dev.herald.domain.endpoint.EndpointTurn;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The queue of deliveries still due, and every change to a delivery: workers claim due deliveries in batches under a
 * lease; a claim whose lease expires can be claimed again (at-least-once). Finished deliveries leave the queue and
 * stay readable through {@link ForReadingDeliveryLog}. The queue also keeps each endpoint's health, shared by every
 * node, from the results of the sends it records (docs/API.md §6.8).
 */
public interface ForQueueingDeliveries {
    /** Stores new deliveries, each due at its {@code nextAttemptDate}. */
    void enqueue(List<Delivery> deliveries);

    /**
     * Up to {@code max} deliveries due at {@code now} and not under another live lease, leased until
     * {@code now + lease}. Concurrent callers (threads or nodes) never get the same delivery under a live lease.
     * The claim is shared fairly: tenants take turns, then their endpoints (webhooks) with due deliveries; each gets an
     * equal share and takes its earliest due first, as far as its health, its rate limit and its sends open on every
     * node allow ({@link EndpointTurn}). A delivery whose endpoint's circuit is open is claimed to fail without a send
     * ({@link Claim#send}); a disabled webhook's deliveries are not claimed. The claim stops before the data of its
     * events (each event counted once) would pass {@code maxDataBytes}, but always takes at least one delivery when
     * one is taken at all: what a batch holds in memory is bounded by bytes too.
     */
    List<Claim> claim(Instant now, int max, long maxDataBytes, Duration lease, EndpointLimits endpoints);

    /**
     * Records the outcome of claimed deliveries: each attempt is stored and each delivery updated; a PENDING one is
     * due again at its {@code nextAttemptDate}, a final one leaves the queue. A claim whose lease was lost (claimed
     * again by someone else) is skipped. The attempts actually sent are recorded in their endpoints' health; what
     * that changed is returned, one {@link HealthChange} per endpoint that failed or had been failing (an endpoint
     * that was healthy and only succeeded is not among them).
     */
    List<HealthChange> complete(List<Completion> completions);

    /** Gives claims back unsent, due at once (graceful stop). */
    void release(List<Claim> claims);

    /**
     * Records an attempt made outside the queue (a manual re-send), in its endpoint's health too; a final delivery
     * leaves the queue. A delivery no longer stored (purged by retention meanwhile, docs/API.md §8.4) is
     * {@code NotFoundException} and nothing is recorded.
     */
    void recordManualAttempt(Delivery updated, Attempt attempt);

    /**
     * A fresh start for an endpoint whose webhook was enabled again: its health is reset (the circuit closes, the run
     * of failures is forgotten) and its due deliveries take their turn at once.
     */
    void freshStart(TenantId tenant, WebhookId webhook, Instant now);

    /**
     * Queues again, due at {@code now}, the webhook's deliveries that finally failed and were created at or after
     * {@code since}: each keeps its attempts and gets one more. How many.
     */
    int recover(TenantId tenant, WebhookId webhook, Instant since, Instant now);

    /** Cancels the webhook's PENDING deliveries and takes them off the queue; returns how many. */
    int cancelPending(TenantId tenant, WebhookId webhook);

    /** The health of the tenant's endpoints among {@code webhooks}; one never sent to is {@link EndpointHealth#HEALTHY}. */
    Map<WebhookId, EndpointHealth> health(TenantId tenant, Collection<WebhookId> webhooks);

    /**
     * A delivery leased to one worker; {@code leaseToken} proves the lease is still this worker's. {@code send} is
     * false when its endpoint's circuit is open: the attempt then fails at once, without a send.
     */
    /**
     * How many deliveries are unfinished (queued, being sent, or held for a disabled webhook or an open circuit), and
     * when the one due longest at {@code now} became due (empty when none is due): for the metrics (docs/API.md §8.5).
     */
    Backlog backlog(Instant now);

    /**
     * For the metrics (docs/API.md §8.5): how many live webhooks are disabled (by their tenant or by Herald), and the
     * health of the endpoints of live, enabled webhooks that have failed at least {@code failures} sends in a row.
     */
    EndpointCensus endpointCensus(int failures);

    /** The live webhooks disabled, and the health of the endpoints failing long enough for their circuit to open. */
    record EndpointCensus(long disabledWebhooks, List<EndpointHealth> failing) {
        public EndpointCensus {
            failing = List.copyOf(failing);
        }
    }

    /** The queue's size and the due time of its oldest due delivery. */
    record Backlog(long unfinished, Optional<Instant> oldestDue) {
        public Backlog {
            Objects.requireNonNull(oldestDue, "oldestDue");
        }
    }

    record Claim(Delivery delivery, String leaseToken, boolean send) {
    }

    /**
     * An endpoint's health before and after the sends one {@link #complete} recorded, read under the lock that
     * recorded them: whether its circuit opened or closed then is exact, whatever other nodes do.
     */
    record HealthChange(TenantId tenant, WebhookId webhook, EndpointHealth before, EndpointHealth after) {
        public HealthChange {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(webhook, "webhook");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * What became of one claim: the delivery after the attempt, and the attempt — empty when nothing was sent
     * (its webhook was archived meanwhile, so the delivery is CANCELLED).
     */
    record Completion(Claim claim, Delivery updated, Optional<Attempt> attempt) {
    }
}
