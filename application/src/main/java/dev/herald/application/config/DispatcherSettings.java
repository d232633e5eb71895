package dev.herald.application.config;

import java.time.Duration;

/**
 * How the dispatcher works the queue: claims up to {@code batchSize} due deliveries at a time, keeps at most
 * {@code maxInFlight} sends open, looks again every {@code pollInterval} when idle (sooner when woken by a publish),
 * and leases what it claims for {@code lease} — longer than any send can take, so only a dead node's work expires.
 * Defaults in {@link HeraldSettings}.
 */
public record DispatcherSettings(int batchSize, int maxInFlight, Duration pollInterval, Duration lease) {
    public DispatcherSettings {
        if (batchSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batchSize and maxInFlight must be positive");
        }
    }

    /** These settings with {@code lease} changed. */
    public DispatcherSettings withLease(Duration lease) {
        return new DispatcherSettings(batchSize, maxInFlight, pollInterval, lease);
    }
}
