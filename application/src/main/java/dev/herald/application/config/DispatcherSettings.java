package dev.herald.application.config;

import dev.herald.domain.endpoint.EndpointLimits;
import java.time.Duration;

/**
 * How the dispatcher works the queue: claims up to {@code batchSize} due deliveries at a time, keeps at most
 * {@code maxInFlight} sends open, looks again every {@code pollInterval} when idle (sooner when woken by a publish),
 * and leases what it claims for {@code lease} — longer than any send can take, so only a dead node's work expires.
 * What each endpoint is held to, on every node together, is {@code endpoints}. Defaults in {@link HeraldSettings}.
 */
public record DispatcherSettings(int batchSize, int maxInFlight, Duration pollInterval, Duration lease,
                                 EndpointLimits endpoints) {
    public DispatcherSettings {
        if (batchSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batchSize and maxInFlight must be positive");
        }
    }

    /** These settings with {@code lease} changed. */
    public DispatcherSettings withLease(Duration lease) {
        return new DispatcherSettings(batchSize, maxInFlight, pollInterval, lease, endpoints);
    }

    /** These settings with {@code endpoints} changed. */
    public DispatcherSettings withEndpoints(EndpointLimits endpoints) {
        return new DispatcherSettings(batchSize, maxInFlight, pollInterval, lease, endpoints);
    }
}
