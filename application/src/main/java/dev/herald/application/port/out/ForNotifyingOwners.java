package dev.herald.application.port.out;

import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookUrl;
import java.time.Instant;

/**
 * Tells a webhook's owner that a delivery finally failed, or that Herald disabled the webhook. Throttling is decided
 * before this is called.
 */
public interface ForNotifyingOwners {
    void notifyFailure(FailureNotice notice);

    void notifyDisabled(DisabledNotice notice);

    /**
     * One failed delivery, and how many more failed for the same webhook since the last notice
     * ({@code suppressedSince}), which were not e-mailed one by one.
     */
    record FailureNotice(EmailAddress to, WebhookId webhookId, WebhookUrl webhookUrl, EventType eventType,
                         DeliveryId deliveryId, String lastOutcome, int suppressedSince) {
    }

    /** A webhook Herald disabled because its endpoint failed without a success since {@code failingSince}. */
    record DisabledNotice(EmailAddress to, WebhookId webhookId, WebhookUrl webhookUrl, Instant failingSince,
                          String lastError) {
    }
}
