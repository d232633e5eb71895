package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.Webhook;
import java.util.List;

/** {@code WebhookSummary} of docs/API.md §4.1; subscriptions in the seed's order and spelling. */
record WebhookSummary(
        String id,
        String url,
        List<String> subscriptions,
        String notificationEmail,
        String secret,
        String createdDate,
        String updatedDate,
        @JsonProperty("isArchived") boolean isArchived) {

    static WebhookSummary from(Webhook webhook) {
        return new WebhookSummary(
                webhook.id().value(),
                webhook.url().value(),
                webhook.subscription().asList().stream().map(EventType::name).toList(),
                webhook.notificationEmail().map(EmailAddress::value).orElse(null),
                webhook.secret().value(),
                ApiTime.of(webhook.createdDate()),
                ApiTime.of(webhook.updatedDate()),
                webhook.archived());
    }
}
