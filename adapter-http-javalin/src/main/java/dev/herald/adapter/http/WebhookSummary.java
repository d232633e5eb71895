package dev.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.herald.application.port.in.ForManagingWebhooks.EndpointStatus;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.EmailAddress;
import dev.herald.domain.webhook.RateLimit;
import dev.herald.domain.webhook.Webhook;
import java.util.List;
import java.util.Map;

/**
 * {@code WebhookSummary} of docs/API.md §4.1; subscriptions in the seed's order and spelling, and the endpoint's
 * {@code isDisabled}, {@code disabledDate}, {@code rateLimit}, {@code headers} and read-only {@code health} added after
 * the seed's fields.
 */
record WebhookSummary(
        String id,
        String url,
        List<String> subscriptions,
        String notificationEmail,
        String secret,
        String createdDate,
        String updatedDate,
        @JsonProperty("isArchived") boolean isArchived,
        @JsonProperty("isDisabled") boolean isDisabled,
        String disabledDate,
        Integer rateLimit,
        Map<String, String> headers,
        EndpointHealthSummary health) {

    static WebhookSummary from(Webhook webhook, EndpointStatus status) {
        return new WebhookSummary(
                webhook.id().value(),
                webhook.url().value(),
                webhook.subscription().asList().stream().map(EventType::name).toList(),
                webhook.notificationEmail().map(EmailAddress::value).orElse(null),
                webhook.secret().value(),
                ApiTime.of(webhook.createdDate()),
                ApiTime.of(webhook.updatedDate()),
                webhook.archived(),
                webhook.isDisabled(),
                ApiTime.of(webhook.disabledDate()),
                webhook.rateLimit().map(RateLimit::perSecond).orElse(null),
                webhook.headers().values(),
                EndpointHealthSummary.from(status));
    }
}
