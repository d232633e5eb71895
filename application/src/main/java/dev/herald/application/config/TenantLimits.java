package dev.herald.application.config;

/**
 * What one tenant may ask of Herald, so that no tenant can exhaust a node for everyone: live {@code webhooks}, live
 * webhooks subscribed to one event type ({@code subscribersPerEventType}: the fan-out of one event), and the bytes one
 * publish makes Herald send ({@code fanOutBytes}: the event's data size times its subscribers). Defaults in
 * {@link HeraldSettings}; the checks against them are the services' (TenantQuota).
 */
public record TenantLimits(int webhooks, int subscribersPerEventType, long fanOutBytes) {
    public TenantLimits {
        if (webhooks < 1 || subscribersPerEventType < 1 || fanOutBytes < 1) {
            throw new IllegalArgumentException("tenant limits must be positive");
        }
    }
}
