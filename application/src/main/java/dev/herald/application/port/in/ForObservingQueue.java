package dev.herald.application.port.in;

import java.time.Duration;

/** How far behind delivery is, and how many endpoints are failing, for the metrics (docs/API.md §8.5). */
public interface ForObservingQueue {
    /** Read from the queue now: one query, so callers that ask often should keep the answer for a while. */
    QueueLoad load();

    /**
     * The deliveries not finished (queued, being sent, or held for a disabled webhook or an open circuit), and how long
     * the one due longest has been due (zero when none is due).
     */
    record QueueLoad(long unfinished, Duration oldestDueAge) {
    }

    /** Read now, like {@link #load}: how many webhooks are disabled and how many endpoints' circuits are open. */
    EndpointLoad endpoints();

    /**
     * The live webhooks disabled (by their tenant or by Herald), and the endpoints of live, enabled webhooks whose
     * circuit is open or half-open now (docs/API.md §6.8).
     */
    record EndpointLoad(long disabledWebhooks, long openCircuits) {
    }
}
