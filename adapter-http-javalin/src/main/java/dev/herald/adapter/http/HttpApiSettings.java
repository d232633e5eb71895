package dev.herald.adapter.http;

import dev.herald.application.config.HeraldSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP API behaves: the admin key (empty turns the admin API off), the largest accepted
 * {@code POST /v1/event/create} body, the largest body of every other endpoint, the longest time a connection may
 * take to deliver one request, headers and body (a slower one is closed), and the {@code /v1} requests one tenant may
 * make per second (0: no limit).
 */
public record HttpApiSettings(Optional<String> adminKey, long maxEventBytes, long maxBodyBytes,
                              Duration requestTimeout, int tenantRequestsPerSecond) {
    public HttpApiSettings {
        Objects.requireNonNull(adminKey);
        Objects.requireNonNull(requestTimeout);
        adminKey = adminKey.filter(key -> !key.isBlank());
        if (maxEventBytes < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive");
        }
        if (requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the request timeout must be at least a millisecond");
        }
        if (tenantRequestsPerSecond < 0) {
            throw new IllegalArgumentException("the tenant rate limit must be 0 (off) or more");
        }
    }

    /**
     * The defaults of {@link HeraldSettings}: admin API off, 256 KiB events, 64 KiB for the rest, 30 s a request, no
     * tenant rate limit.
     */
    public static HttpApiSettings defaults() {
        return from(HeraldSettings.defaults(), Optional.empty());
    }

    /** The HTTP API's part of Herald's settings, with its admin key (empty turns the admin API off). */
    public static HttpApiSettings from(HeraldSettings settings, Optional<String> adminKey) {
        return new HttpApiSettings(adminKey, settings.maxEventBytes(), settings.maxBodyBytes(),
                settings.requestTimeout(), settings.tenantRequestsPerSecond());
    }

    public HttpApiSettings withAdminKey(String key) {
        return new HttpApiSettings(Optional.of(key), maxEventBytes, maxBodyBytes, requestTimeout,
                tenantRequestsPerSecond);
    }

    public HttpApiSettings withMaxEventBytes(long bytes) {
        return new HttpApiSettings(adminKey, bytes, maxBodyBytes, requestTimeout, tenantRequestsPerSecond);
    }

    public HttpApiSettings withRequestTimeout(Duration timeout) {
        return new HttpApiSettings(adminKey, maxEventBytes, maxBodyBytes, timeout, tenantRequestsPerSecond);
    }

    /** With {@code requests} per second and tenant (0: no limit; docs/API.md §9). */
    public HttpApiSettings withTenantRequestsPerSecond(int requests) {
        return new HttpApiSettings(adminKey, maxEventBytes, maxBodyBytes, requestTimeout, requests);
    }

    @Override
    public String toString() {
        return "HttpApiSettings[adminKey=" + (adminKey.isPresent() ? "set" : "off") + ", maxEventBytes="
                + maxEventBytes + ", maxBodyBytes=" + maxBodyBytes + ", requestTimeout=" + requestTimeout
                + ", tenantRequestsPerSecond=" + tenantRequestsPerSecond + "]";
    }
}
