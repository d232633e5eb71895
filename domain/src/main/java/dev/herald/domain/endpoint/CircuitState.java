package dev.herald.domain.endpoint;

/** Whether deliveries are sent to an endpoint (docs/API.md §6.8). */
public enum CircuitState {
    /** Sent as usual, up to the endpoint's concurrency limit. */
    CLOSED,
    /** Failing: due deliveries are not sent; each due attempt is recorded as failed and retried on schedule. */
    OPEN,
    /** The cool-down is over: one delivery is sent as a probe; its success closes the circuit. */
    HALF_OPEN
}
