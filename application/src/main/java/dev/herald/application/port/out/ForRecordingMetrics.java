package dev.herald.application.port.out;

import dev.herald.domain.tenant.TenantId;
import java.time.Duration;

/**
 * Where the core reports what operators graph (docs/API.md §8.5): each attempt's outcome and latency, each publish's
 * latency. Called on the delivery and request threads, so an implementation must be cheap and must not throw;
 * {@link #NONE} when nobody listens.
 */
public interface ForRecordingMetrics {
    /** Records nothing: an embedding host that gave no metrics registry. */
    ForRecordingMetrics NONE = new ForRecordingMetrics() {
        @Override
        public void deliveryOutcome(TenantId tenant, DeliveryOutcome outcome) {
        }

        @Override
        public void attemptLatency(Duration latency) {
        }

        @Override
        public void publishLatency(Duration latency) {
        }
    };

    /** What one attempt made of its delivery. */
    enum DeliveryOutcome {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** The attempt failed and the delivery will be tried again. */
        FAILED_ATTEMPT,
        /** The attempt failed and it was the delivery's last: it is FAILED for good. */
        FINALLY_FAILED
    }

    /** One attempt of a delivery of {@code tenant}, sent or not sent because its endpoint's circuit is open. */
    void deliveryOutcome(TenantId tenant, DeliveryOutcome outcome);

    /** How long one sent attempt took, from the request to the receiver's whole answer (or the failure). */
    void attemptLatency(Duration latency);

    /** How long one accepted {@code POST /v1/event/create} took in the core (stored event and its deliveries). */
    void publishLatency(Duration latency);
}
