package dev.herald.adapter.http;

import dev.herald.domain.tenant.TenantId;
import java.time.Duration;

/** A tenant's request over its rate limit on this node (docs/API.md §9). */
final class TenantRateLimitExceededException extends TooManyRequestsException {
    TenantRateLimitExceededException(TenantId tenant, int requestsPerSecond, Duration retryAfter) {
        super("Too many requests for tenant " + tenant.value() + ": limit " + requestsPerSecond + " per second",
                retryAfter);
    }
}
