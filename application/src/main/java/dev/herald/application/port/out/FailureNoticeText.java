package dev.herald.application.port.out;

import dev.herald.application.port.out.ForNotifyingOwners.DisabledNotice;
import dev.herald.application.port.out.ForNotifyingOwners.FailureNotice;
import dev.herald.domain.webhook.WebhookUrl;
import java.util.Locale;

/**
 * What a webhook owner is told when a delivery finally failed, or the webhook was disabled: one subject and one
 * plain-text body, for every channel.
 */
public record FailureNoticeText(String subject, String body) {

    public static FailureNoticeText of(FailureNotice notice) {
        String subject = "Herald: deliveries to " + host(notice.webhookUrl()) + " are failing";
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

    public static FailureNoticeText of(DisabledNotice notice) {
        String subject = "Herald: webhook to " + host(notice.webhookUrl()) + " disabled after failing for days";
        String body = "Herald has disabled your webhook: its endpoint has failed every delivery since "
                + notice.failingSince() + ".\n"
                + "This address receives the notice because it is set as the webhook's notification e-mail.\n\n"
                + "Webhook URL:  " + notice.webhookUrl() + '\n'
                + "              (the endpoint configured for the webhook, not written by Herald)\n"
                + "Webhook id:   " + notice.webhookId() + '\n'
                + "Last error:   " + notice.lastError() + "\n\n"
                + "Events for it are still recorded but not sent. Once the receiver is fixed, enable the webhook\n"
                + "(POST /v1/webhook/enable/" + notice.webhookId() + "): what was held is then sent, and deliveries\n"
                + "that failed meanwhile can be sent again with POST /v1/webhook/recover/" + notice.webhookId() + ".\n";
        return new FailureNoticeText(subject, body);
    }

    /**
     * The subject is read at a glance and trusted as Herald's words, so it names the host only: a tenant-chosen path
     * ("/URGENT-verify-your-account-at-…") there would turn Herald's e-mail into the tenant's phishing.
     */
    private static String host(WebhookUrl url) {
        return url.host().toLowerCase(Locale.ROOT);
    }
}
