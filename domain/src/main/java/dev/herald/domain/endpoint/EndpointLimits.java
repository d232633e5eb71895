package dev.herald.domain.endpoint;

/**
 * What every endpoint is held to, on all nodes together: at most {@code concurrency} sends open at once, and the
 * circuit breaker (docs/API.md §6.5).
 */
public record EndpointLimits(int concurrency, CircuitBreaker breaker) {
    public EndpointLimits {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
    }
}
