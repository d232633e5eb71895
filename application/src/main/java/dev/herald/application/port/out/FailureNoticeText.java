package dev.herald.application.port.out;

import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import java.util.Locale;

/** What a webhook owner is told when a delivery finally failed: one subject and one plain-text body, for every channel. */
public record FailureNoticeText(String subject, String body) {

    public static FailureNoticeText of(FailureNotice notice) {
        // The subject is read at a glance and trusted as Herald's words, so it names the host only: a tenant-chosen
        // path ("/URGENT-verify-your-account-at-…") there would turn Herald's e-mail into the tenant's phishing.
        String host = notice.webhookUrl().host().toLowerCase(Locale.ROOT);
        String subject = "Herald: deliveries to " + host + " are failing";
        StringBuilder body = new StringBuilder()
                .append("Herald could not deliver an event to your webhook and has stopped retrying it.\n")
                .append("This address receives the notice because it is set as the webhook's notification e-mail.\n\n")
                .append("Webhook URL:          ").append(notice.webhookUrl()).append('\n')
                .append("                      (the endpoint configured for the webhook, not written by Herald)\n")
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
