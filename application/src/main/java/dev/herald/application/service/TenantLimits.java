package dev.herald.application.service;

import dev.herald.domain.LimitExceededException;
import dev.herald.domain.LimitExceededException.Limit;

/**
 * What one tenant may ask of Herald, so that no tenant can exhaust a node for everyone: live {@code webhooks}, live
 * webhooks subscribed to one event type ({@code subscribersPerEventType}: the fan-out of one event), and the bytes one
 * publish makes Herald send ({@code fanOutBytes}: the event's data size times its subscribers). Defaults in
 * {@link HeraldSettings}.
 */
public record TenantLimits(int webhooks, int subscribersPerEventType, long fanOutBytes) {
    public TenantLimits {
        if (webhooks < 1 || subscribersPerEventType < 1 || fanOutBytes < 1) {
            throw new IllegalArgumentException("tenant limits must be positive");
        }
    }

    void checkWebhookCount(int liveWebhooks) {
        if (liveWebhooks >= webhooks) {
            throw new LimitExceededException(Limit.WEBHOOKS_PER_TENANT,
                    "Limit reached: a tenant may have at most " + webhooks + " webhooks");
        }
    }

    void checkNewSubscriber(String eventType, int liveSubscribers) {
        if (liveSubscribers >= subscribersPerEventType) {
            throw new LimitExceededException(Limit.SUBSCRIBERS_PER_EVENT_TYPE, "Limit reached: at most "
                    + subscribersPerEventType + " webhooks may subscribe to one event type (" + eventType + ")");
        }
    }

    void checkFanOut(String eventType, long dataBytes, int subscribers) {
        if (subscribers > subscribersPerEventType) {
            throw new LimitExceededException(Limit.SUBSCRIBERS_PER_EVENT_TYPE, "Limit reached: " + subscribers
                    + " webhooks subscribe to " + eventType + ", at most " + subscribersPerEventType + " may");
        }
        if (dataBytes * subscribers > fanOutBytes) {
            throw new LimitExceededException(Limit.EVENT_BYTES_TIMES_SUBSCRIBERS, "Event too large for its fan-out: "
                    + dataBytes + " bytes of data x " + subscribers + " webhooks is over the limit of " + fanOutBytes
                    + " bytes per event");
        }
    }
}
