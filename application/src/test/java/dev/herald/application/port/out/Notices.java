package dev.herald.application.port.out;

import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookUrl;

/** Failure notices for the tests of every notifier. */
public final class Notices {
    private Notices() {
    }

    public static FailureNotice failure(int suppressedSince) {
        return failure("https://hooks.example.com/in", suppressedSince);
    }

    public static FailureNotice failure(String webhookUrl, int suppressedSince) {
        return new FailureNotice(new EmailAddress("owner@example.com"), new WebhookId("wh_abc123"),
                new WebhookUrl(webhookUrl), EventType.PATIENT_CREATED, new DeliveryId("msg_xyz789"), "HTTP 500",
                suppressedSince);
    }
}
