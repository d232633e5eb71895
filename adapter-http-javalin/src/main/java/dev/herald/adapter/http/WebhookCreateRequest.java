package dev.herald.adapter.http;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import java.util.List;
import java.util.Map;

/**
 * {@code WebhookCreate} of docs/API.md §4.2: url and subscriptions required, notificationEmail, rateLimit and headers
 * optional.
 */
record WebhookCreateRequest(String url, List<String> subscriptions, String notificationEmail, Long rateLimit,
                            Map<String, String> headers) {
    static WebhookCreateRequest from(JsonFields body) {
        WebhookCreateRequest request = new WebhookCreateRequest(
                body.required("url", JsonKind.STRING),
                body.required("subscriptions", JsonKind.STRING_LIST),
                body.optional("notificationEmail", JsonKind.STRING),
                body.optional("rateLimit", JsonKind.INTEGER),
                body.optional("headers", JsonKind.STRING_MAP));
        body.validate();
        return request;
    }

    CreateWebhook toCommand() {
        return new CreateWebhook(url, subscriptions, notificationEmail, rateLimit, headers);
    }
}
