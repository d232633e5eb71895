package dev.herald.domain.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.webhook.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules an endpoint is held to (docs/API.md §6.8), one by one. */
class EndpointRulesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final CircuitBreaker BREAKER =
            new CircuitBreaker(3, Duration.ofSeconds(10), Duration.ofSeconds(35));

    private static EndpointHealth failedTimes(int times) {
        EndpointHealth health = EndpointHealth.HEALTHY;
        for (int i = 0; i < times; i++) {
            health = health.failed(T0, "HTTP 503");
        }
        return health;
    }

    @Test
    void theCircuitOpensAtTheThresholdAndLetsAProbeThroughAfterTheCooldown() {
        assertEquals(CircuitState.CLOSED, BREAKER.state(failedTimes(2), T0));
        assertEquals(CircuitState.OPEN, BREAKER.state(failedTimes(3), T0.plusSeconds(9)));
        assertEquals(CircuitState.HALF_OPEN, BREAKER.state(failedTimes(3), T0.plusSeconds(10)));
        assertEquals(CircuitState.CLOSED, BREAKER.state(failedTimes(3).succeeded(), T0));
    }

    @Test
    void eachFailedProbeDoublesTheCooldownUpToItsMaximum() {
        EndpointHealth open = failedTimes(3);
        assertEquals(Optional.of(T0.plusSeconds(20)), BREAKER.openUntil(open.probed()));
        assertEquals(Optional.of(T0.plusSeconds(35)), BREAKER.openUntil(open.probed().probed()), "40 s capped at 35");
        assertEquals(Optional.empty(), CircuitBreaker.NEVER.openUntil(failedTimes(100)), "0 failures: never opens");
    }

    @Test
    void aRunOfFailuresKeepsItsStartAndItsLastError() {
        EndpointHealth health = EndpointHealth.HEALTHY.failed(T0, "refused").failed(T0.plusSeconds(5), "HTTP 500");
        assertEquals(Optional.of(T0), health.failingSince());
        assertEquals(Optional.of(T0.plusSeconds(5)), health.lastFailureAt());
        assertEquals(Optional.of("HTTP 500"), health.succeeded().lastError(), "kept after a success, to read");
        assertFalse(health.succeeded().isFailing());
    }

    @Test
    void aClosedTurnTakesTheLeastOfShareRateAndFreeConcurrency() {
        EndpointLimits limits = new EndpointLimits(4, BREAKER, Duration.ZERO);
        assertEquals(3, EndpointTurn.of(EndpointHealth.HEALTHY, 1, 10, 100, limits, T0).take(), "4 minus 1 open");
        assertEquals(2, EndpointTurn.of(EndpointHealth.HEALTHY, 0, 10, 2, limits, T0).take(), "the rate");
        assertEquals(0, EndpointTurn.of(EndpointHealth.HEALTHY, 5, 10, 100, limits, T0).take(), "never negative");
        EndpointTurn open = EndpointTurn.of(failedTimes(3), 4, 10, 0, limits, T0);
        assertEquals(10, open.take(), "an open circuit fails its share at once, whatever the limits");
        assertFalse(open.send());
    }

    @Test
    void aRateWindowCountsWithinOneClockSecond() {
        Optional<RateLimit> two = Optional.of(new RateLimit(2));
        RateWindow used = RateWindow.NONE.after(2, T0.plusMillis(100));
        assertEquals(0, used.allowance(two, T0.plusMillis(999)));
        assertEquals(2, used.allowance(two, T0.plusSeconds(1)));
        assertEquals(Integer.MAX_VALUE, used.allowance(Optional.empty(), T0), "no limit");
        assertEquals(T0.plusSeconds(1), RateWindow.nextSecond(T0.plusMillis(400)));
    }

    @Test
    void anEndpointIsDisabledOnlyAfterFailingForTheWholePeriod() {
        EndpointLimits limits = new EndpointLimits(4, BREAKER, Duration.ofDays(5));
        assertFalse(limits.shouldDisable(failedTimes(1), T0.plus(Duration.ofDays(5)).minusSeconds(1)));
        assertTrue(limits.shouldDisable(failedTimes(1), T0.plus(Duration.ofDays(5))));
        assertFalse(new EndpointLimits(4, BREAKER, Duration.ZERO).shouldDisable(failedTimes(1), T0.plusSeconds(1 << 30)),
                "0: never");
    }
}
