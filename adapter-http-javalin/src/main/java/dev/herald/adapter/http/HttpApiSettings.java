package dev.herald.adapter.http;

import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP API behaves: the admin key (empty turns the admin API off), the largest accepted
 * {@code POST /v1/event/create} body, the largest body of every other endpoint, and the version it reports.
 */
public record HttpApiSettings(Optional<String> adminKey, long maxEventBytes, long maxBodyBytes, String version) {
    public static final long DEFAULT_MAX_EVENT_BYTES = 262_144;
    public static final long DEFAULT_MAX_BODY_BYTES = 65_536;

    public HttpApiSettings {
        Objects.requireNonNull(adminKey);
        Objects.requireNonNull(version);
        adminKey = adminKey.filter(key -> !key.isBlank());
        if (maxEventBytes < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive");
        }
    }

    /** The defaults of API.md §8: admin API off, 256 KiB events, 64 KiB for everything else. */
    public static HttpApiSettings defaults(String version) {
        return new HttpApiSettings(Optional.empty(), DEFAULT_MAX_EVENT_BYTES, DEFAULT_MAX_BODY_BYTES, version);
    }

    public HttpApiSettings withAdminKey(String key) {
        return new HttpApiSettings(Optional.of(key), maxEventBytes, maxBodyBytes, version);
    }

    public HttpApiSettings withMaxEventBytes(long bytes) {
        return new HttpApiSettings(adminKey, bytes, maxBodyBytes, version);
    }

    @Override
    public String toString() {
        return "HttpApiSettings[adminKey=" + (adminKey.isPresent() ? "set" : "off") + ", maxEventBytes="
                + maxEventBytes + ", maxBodyBytes=" + maxBodyBytes + ", version=" + version + "]";
    }
}
