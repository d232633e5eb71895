package dev.herald.adapter.outbound;

import dev.herald.application.config.HeraldSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JdkHttpSender} talks to receivers (docs/API.md §6.3, §7, §8.1).
 *
 * @param connectTimeout       longest wait for the TCP (and TLS) connection
 * @param requestTimeout       longest wait for the whole exchange, from sending to the last byte kept
 * @param allowPrivateNetworks deliver to loopback, private and other blocked ranges too (local development)
 * @param maxResponseBytes     how much of a response body is kept; the rest is never read
 */
public record OutboundHttpSettings(Duration connectTimeout, Duration requestTimeout, boolean allowPrivateNetworks,
                                   int maxResponseBytes) {
    public OutboundHttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxResponseBytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes must not be negative");
        }
    }

    /** The defaults of {@link HeraldSettings}: 5 s to connect, 15 s a request, blocked ranges refused, 4 KiB kept. */
    public static OutboundHttpSettings defaults() {
        return from(HeraldSettings.defaults());
    }

    /** The outbound part of Herald's settings: its timeouts and whether private networks may be reached. */
    public static OutboundHttpSettings from(HeraldSettings settings) {
        return new OutboundHttpSettings(settings.connectTimeout(), settings.deliveryTimeout(),
                settings.allowPrivateNetworks(), HeraldSettings.DEFAULT_MAX_RESPONSE_BYTES);
    }

    public OutboundHttpSettings withTimeouts(Duration connect, Duration request) {
        return new OutboundHttpSettings(connect, request, allowPrivateNetworks, maxResponseBytes);
    }

    public OutboundHttpSettings withAllowPrivateNetworks(boolean allow) {
        return new OutboundHttpSettings(connectTimeout, requestTimeout, allow, maxResponseBytes);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
