package dev.herald.adapter.http;

import dev.herald.domain.tenant.TenantId;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@code /v1} requests one authenticated tenant may make of this node per second (docs/API.md §9), so that one
 * tenant's publishing storm cannot starve the others' calls. Each tenant has its own limiter, made at its first
 * request: a burst of one second's worth, refilled whole every second. A request over it is refused at once, never
 * queued, since a waiting request would hold a server thread that the other tenants need.
 */
final class TenantRateLimit {
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final int requestsPerSecond;
    private final RateLimiterConfig config; // null when nothing is limited
    private final Supplier<Long> nanoTime;
    // Only tenants that authenticated get a limiter, so this holds at most one per tenant that exists.
    private final Map<TenantId, RateLimiter> limiters = new ConcurrentHashMap<>();

    /** {@code requestsPerSecond} per tenant; 0 limits nothing. */
    TenantRateLimit(int requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime);
    }

    /** With the time source of the limiters (a test moves it instead of waiting). */
    TenantRateLimit(int requestsPerSecond, Supplier<Long> nanoTime) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("a rate limit is 0 (off) or more requests per second");
        }
        this.requestsPerSecond = requestsPerSecond;
        this.nanoTime = nanoTime;
        this.config = requestsPerSecond == 0 ? null : RateLimiterConfig.custom()
                .limitForPeriod(requestsPerSecond)
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Counts one request of {@code tenant}; throws {@link TenantRateLimitExceededException} if it is one too many. */
    void checkAllowed(TenantId tenant) {
        if (requestsPerSecond == 0) {
            return;
        }
        if (!limiters.computeIfAbsent(tenant, this::limiterOf).acquirePermission()) {
            // Permits come back whole at the next period: waiting one period is always enough.
            throw new TenantRateLimitExceededException(tenant, requestsPerSecond, PERIOD);
        }
    }

    private RateLimiter limiterOf(TenantId tenant) {
        return RateLimiter.of(tenant.value(), config, nanoTime);
    }
}
