package dev.herald.adapter.mail;

import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;

/** What a webhook owner is told when a delivery finally failed: one subject and one plain-text body, for every channel. */
public record FailureNoticeText(String subject, String body) {

    public static FailureNoticeText of(FailureNotice notice) {
        String subject = "[Herald] Webhook delivery failed: " + notice.eventType().name() + " to " + notice.webhookUrl();
        StringBuilder body = new StringBuilder()
                .append("Herald could not deliver an event to your webhook and has stopped retrying it.\n\n")
                .append("Webhook URL:          ").append(notice.webhookUrl()).append('\n')
                .append("Webhook id:           ").append(notice.webhookId()).append('\n')
                .append("Event type:           ").append(notice.eventType().name()).append('\n')
                .append("Delivery id:          ").append(notice.deliveryId()).append('\n')
                .append("Last status or error: ").append(notice.lastOutcome()).append('\n');
        if (notice.suppressedSince() > 0) {
            int more = notice.suppressedSince();
            body.append('\n').append(more).append(more == 1 ? " more delivery" : " more deliveries")
                    .append(" to this webhook failed since the last notice.\n");
        }
        body.append("\nYou can resend the delivery once the receiver is fixed; its attempts are in the delivery log.\n");
        return new FailureNoticeText(subject, body.toString());
    }
}
