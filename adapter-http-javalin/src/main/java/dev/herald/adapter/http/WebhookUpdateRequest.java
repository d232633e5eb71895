package dev.herald.adapter.http;

import dev.herald.application.port.in.ForManagingWebhooks.UpdateWebhook;
import java.util.List;
import java.util.Map;

/**
 * The update body (docs/API.md §4.4): every field optional; a {@code null} url or subscriptions is "unchanged", while
 * an explicit {@code "notificationEmail": null} clears the address, {@code "rateLimit": null} the limit and
 * {@code "headers": null} the headers, so their presence is kept apart from their value.
 */
record WebhookUpdateRequest(String url, List<String> subscriptions, boolean notificationEmailGiven,
                            String notificationEmail, Boolean isDisabled, boolean rateLimitGiven, Long rateLimit,
                            boolean headersGiven, Map<String, String> headers) {
    private static final String EMAIL = "notificationEmail";
    private static final String RATE_LIMIT = "rateLimit";
    private static final String HEADERS = "headers";

    static WebhookUpdateRequest from(JsonFields body) {
        WebhookUpdateRequest request = new WebhookUpdateRequest(
                body.optional("url", JsonKind.STRING),
                body.optional("subscriptions", JsonKind.STRING_LIST),
                body.has(EMAIL),
                body.optional(EMAIL, JsonKind.STRING),
                body.optional("isDisabled", JsonKind.BOOLEAN),
                body.has(RATE_LIMIT),
                body.optional(RATE_LIMIT, JsonKind.INTEGER),
                body.has(HEADERS),
                body.optional(HEADERS, JsonKind.STRING_MAP));
        body.validate();
        return request;
    }

    UpdateWebhook toCommand() {
        return new UpdateWebhook(url, subscriptions, notificationEmailGiven, notificationEmail, isDisabled,
                rateLimitGiven, rateLimit, headersGiven, headers);
    }
}
