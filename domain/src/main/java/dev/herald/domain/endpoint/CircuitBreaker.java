package dev.herald.domain.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an endpoint's circuit opens and for how long (docs/API.md §6.8): after {@code failuresToOpen} failed sends in a
 * row it stays open for {@code cooldown} from the last failure, doubled after each failed probe, up to
 * {@code maxCooldown}. {@code failuresToOpen} 0 means never.
 */
public record CircuitBreaker(int failuresToOpen, Duration cooldown, Duration maxCooldown) {
    public static final CircuitBreaker NEVER = new CircuitBreaker(0, Duration.ofSeconds(1), Duration.ofSeconds(1));

    public CircuitBreaker {
        if (failuresToOpen < 0) {
            throw new IllegalArgumentException("failuresToOpen cannot be negative");
        }
        if (cooldown.isNegative() || cooldown.isZero() || maxCooldown.compareTo(cooldown) < 0) {
            throw new IllegalArgumentException("cooldown must be positive and at most maxCooldown");
        }
    }

    public CircuitState state(EndpointHealth health, Instant now) {
        return openUntil(health).map(until -> now.isBefore(until) ? CircuitState.OPEN : CircuitState.HALF_OPEN)
                .orElse(CircuitState.CLOSED);
    }

    /** When the open circuit lets a probe through; empty while the circuit is closed. */
    public Optional<Instant> openUntil(EndpointHealth health) {
        if (failuresToOpen == 0 || health.consecutiveFailures() < failuresToOpen) {
            return Optional.empty();
        }
        return health.lastFailureAt().map(last -> last.plus(cooldownAfter(health.probes())));
    }

    private Duration cooldownAfter(int failedProbes) {
        Duration grown = cooldown;
        for (int i = 0; i < failedProbes && grown.compareTo(maxCooldown) < 0; i++) {
            grown = grown.multipliedBy(2);
        }
        return grown.compareTo(maxCooldown) < 0 ? grown : maxCooldown;
    }
}
