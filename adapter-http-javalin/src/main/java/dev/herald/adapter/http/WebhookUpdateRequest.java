package dev.herald.adapter.http;

import dev.herald.application.port.in.ForManagingWebhooks.UpdateWebhook;
import java.util.List;

/**
 * The update body (docs/API.md §4.4): every field optional; a {@code null} url or subscriptions is "unchanged", while
 * an explicit {@code "notificationEmail": null} clears the address, so its presence is kept apart from its value.
 */
record WebhookUpdateRequest(String url, List<String> subscriptions, boolean notificationEmailGiven,
                            String notificationEmail, Boolean isDisabled) {
    private static final String EMAIL = "notificationEmail";

    static WebhookUpdateRequest from(JsonFields body) {
        WebhookUpdateRequest request = new WebhookUpdateRequest(
                body.optional("url", JsonKind.STRING),
                body.optional("subscriptions", JsonKind.STRING_LIST),
                body.has(EMAIL),
                body.optional(EMAIL, JsonKind.STRING),
                body.optional("isDisabled", JsonKind.BOOLEAN));
        body.validate();
        return request;
    }

    UpdateWebhook toCommand() {
        return new UpdateWebhook(url, subscriptions, notificationEmailGiven, notificationEmail, isDisabled);
    }
}
