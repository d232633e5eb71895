package dev.herald.domain.endpoint;

import java.time.Duration;
import java.time.Instant;

/**
 * What every endpoint is held to, on all nodes together: at most {@code concurrency} sends open at once, the circuit
 * breaker, and {@code disableAfter}: how long it may fail without a success before Herald disables its webhook
 * ({@link Duration#ZERO}: never). docs/API.md §6.8.
 */
public record EndpointLimits(int concurrency, CircuitBreaker breaker, Duration disableAfter) {
    public EndpointLimits {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        if (disableAfter.isNegative()) {
            throw new IllegalArgumentException("disableAfter cannot be negative");
        }
    }

    /** Whether an endpoint in this health has failed long enough, at {@code now}, to be disabled. */
    public boolean shouldDisable(EndpointHealth health, Instant now) {
        return !disableAfter.isZero()
                && health.failingSince().filter(since -> !since.plus(disableAfter).isAfter(now)).isPresent();
    }
}
