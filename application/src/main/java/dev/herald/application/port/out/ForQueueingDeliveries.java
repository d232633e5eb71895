package dev.herald.application.port.out;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queue of deliveries still due, and every change to a delivery: workers claim due deliveries in batches under a
 * lease; a claim whose lease expires can be claimed again (at-least-once). Finished deliveries leave the queue and
 * stay readable through {@link ForReadingDeliveryLog}.
 */
public interface ForQueueingDeliveries {
    /** Stores new deliveries, each due at its {@code nextAttemptDate}. */
    void enqueue(List<Delivery> deliveries);

    /**
     * Up to {@code max} deliveries due at {@code now} and not under another live lease, earliest first, leased until
     * {@code now + lease}. Concurrent callers (threads or nodes) never get the same delivery under a live lease.
     * The claim stops before the data of its events (each event counted once) would pass {@code maxDataBytes}, but
     * always takes at least one delivery when one is due: what a batch holds in memory is bounded by bytes too.
     */
    List<Claim> claim(Instant now, int max, long maxDataBytes, Duration lease);

    /**
     * Records the outcome of claimed deliveries: each attempt is stored and each delivery updated; a PENDING one is
     * due again at its {@code nextAttemptDate}, a final one leaves the queue. A claim whose lease was lost (claimed
     * again by someone else) is skipped.
     */
    void complete(List<Completion> completions);

    /** Gives claims back unsent, due at once (graceful stop). */
    void release(List<Claim> claims);

    /** Records an attempt made outside the queue (a manual re-send); a final delivery leaves the queue. */
    void recordManualAttempt(Delivery updated, Attempt attempt);

    /** Cancels the webhook's PENDING deliveries and takes them off the queue; returns how many. */
    int cancelPending(TenantId tenant, WebhookId webhook);

    /** A delivery leased to one worker; {@code leaseToken} proves the lease is still this worker's. */
    record Claim(Delivery delivery, String leaseToken) {
    }

    /**
     * What became of one claim: the delivery after the attempt, and the attempt — empty when nothing was sent
     * (its webhook was archived meanwhile, so the delivery is CANCELLED).
     */
    record Completion(Claim claim, Delivery updated, Optional<Attempt> attempt) {
    }
}
