package dev.herald.application.service;

import dev.herald.application.config.TenantLimits;
import dev.herald.domain.LimitExceededException.Limit;
import dev.herald.domain.LimitExceededException;

/** Refuses what would take a tenant past its {@link TenantLimits}: the settings are data, refusing is a service's. */
final class TenantQuota {
    private final TenantLimits limits;

    TenantQuota(TenantLimits limits) {
        this.limits = limits;
    }

    void checkWebhookCount(int liveWebhooks) {
        if (liveWebhooks >= limits.webhooks()) {
            throw new LimitExceededException(Limit.WEBHOOKS_PER_TENANT,
                    "Limit reached: a tenant may have at most " + limits.webhooks() + " webhooks");
        }
    }

    void checkNewSubscriber(String eventType, int liveSubscribers) {
        if (liveSubscribers >= limits.subscribersPerEventType()) {
            throw new LimitExceededException(Limit.SUBSCRIBERS_PER_EVENT_TYPE, "Limit reached: at most "
                    + limits.subscribersPerEventType() + " webhooks may subscribe to one event type ("
                    + eventType + ")");
        }
    }

    void checkFanOut(String eventType, long dataBytes, int subscribers) {
        if (subscribers > limits.subscribersPerEventType()) {
            throw new LimitExceededException(Limit.SUBSCRIBERS_PER_EVENT_TYPE, "Limit reached: " + subscribers
                    + " webhooks subscribe to " + eventType + ", at most " + limits.subscribersPerEventType() + " may");
        }
        if (dataBytes * subscribers > limits.fanOutBytes()) {
            throw new LimitExceededException(Limit.EVENT_BYTES_TIMES_SUBSCRIBERS, "Event too large for its fan-out: "
                    + dataBytes + " bytes of data x " + subscribers + " webhooks is over the limit of "
                    + limits.fanOutBytes() + " bytes per event");
        }
    }
}
