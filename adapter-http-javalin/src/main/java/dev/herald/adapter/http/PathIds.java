package dev.herald.adapter.http;

import dev.herald.domain.NotFoundException;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.webhook.WebhookId;
import io.javalin.http.Context;

/** Ids from the path. A malformed id cannot name anything, so it answers 404 exactly like a missing one. */
final class PathIds {
    static final String WEBHOOK_ID = "webhook_id";
    static final String DELIVERY_ID = "webhook_delivery_attempt_id";

    private PathIds() {
    }

    static WebhookId webhookId(Context ctx) {
        return WebhookId.parse(ctx.pathParam(WEBHOOK_ID)).orElseThrow(NotFoundException::webhook);
    }

    static DeliveryId deliveryId(Context ctx) {
        return DeliveryId.parse(ctx.pathParam(DELIVERY_ID)).orElseThrow(NotFoundException::delivery);
    }
}
