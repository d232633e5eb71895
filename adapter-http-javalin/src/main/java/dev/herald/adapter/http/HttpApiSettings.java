package dev.herald.adapter.http;

import dev.herald.application.config.HeraldSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the HTTP API behaves: the admin key (empty turns the admin API off), the largest accepted
 * {@code POST /v1/event/create} body, the largest body of every other endpoint, the longest time a connection may
 * take to deliver one request, headers and body (a slower one is closed), and the {@code /v1} requests one tenant may
 * make per second (0: no limit), and the origins whose pages may frame {@code /portal} (none: it is framed nowhere).
 */
public record HttpApiSettings(Optional<String> adminKey, long maxEventBytes, long maxBodyBytes,
                              Duration requestTimeout, int tenantRequestsPerSecond,
                              List<String> portalFrameAncestors) {
    /**
     * One source of CSP's frame-ancestors, as HERALD_PORTAL_FRAME_ANCESTORS may give it (docs/API.md §12): an origin
     * ({@code https://app.example.com}, a port, a {@code *.} wildcard of subdomains) or {@code 'self'}. Nothing else,
     * so no value can end the directive and add another.
     */
    private static final Pattern FRAME_ANCESTOR =
            Pattern.compile("'self'|https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?");

    public HttpApiSettings {
        Objects.requireNonNull(adminKey);
        Objects.requireNonNull(requestTimeout);
        portalFrameAncestors = List.copyOf(portalFrameAncestors);
        for (String origin : portalFrameAncestors) {
            if (!FRAME_ANCESTOR.matcher(origin).matches()) {
                throw new IllegalArgumentException("'" + origin + "' is not an origin such as https://app.example.com"
                        + " or 'self'");
            }
        }
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

    /** Without origins that may frame the portal. */
    public HttpApiSettings(Optional<String> adminKey, long maxEventBytes, long maxBodyBytes, Duration requestTimeout,
                           int tenantRequestsPerSecond) {
        this(adminKey, maxEventBytes, maxBodyBytes, requestTimeout, tenantRequestsPerSecond, List.of());
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
                tenantRequestsPerSecond, portalFrameAncestors);
    }

    public HttpApiSettings withMaxEventBytes(long bytes) {
        return new HttpApiSettings(adminKey, bytes, maxBodyBytes, requestTimeout, tenantRequestsPerSecond,
                portalFrameAncestors);
    }

    public HttpApiSettings withRequestTimeout(Duration timeout) {
        return new HttpApiSettings(adminKey, maxEventBytes, maxBodyBytes, timeout, tenantRequestsPerSecond,
                portalFrameAncestors);
    }

    /** With {@code requests} per second and tenant (0: no limit; docs/API.md §9). */
    public HttpApiSettings withTenantRequestsPerSecond(int requests) {
        return new HttpApiSettings(adminKey, maxEventBytes, maxBodyBytes, requestTimeout, requests,
                portalFrameAncestors);
    }

    /** With the origins whose pages may show {@code /portal} in a frame (docs/API.md §12); none by default. */
    public HttpApiSettings withPortalFrameAncestors(List<String> origins) {
        return new HttpApiSettings(adminKey, maxEventBytes, maxBodyBytes, requestTimeout, tenantRequestsPerSecond,
                origins);
    }

    @Override
    public String toString() {
        return "HttpApiSettings[adminKey=" + (adminKey.isPresent() ? "set" : "off") + ", maxEventBytes="
                + maxEventBytes + ", maxBodyBytes=" + maxBodyBytes + ", requestTimeout=" + requestTimeout
                + ", tenantRequestsPerSecond=" + tenantRequestsPerSecond + ", portalFrameAncestors="
                + portalFrameAncestors + "]";
    }
}
