package dev.herald.adapter.http;

import dev.herald.application.port.in.ForDiscoveringEventTypes.SentExample;

/** The answer of {@code POST /v1/webhook/send-example/{webhook_id}} (docs/API.md §4.12). */
record SentExampleSummary(String deliveryId, String eventId, String type, String createdDate) {
    static SentExampleSummary from(SentExample sent) {
        return new SentExampleSummary(sent.deliveryId().value(), sent.eventId().value(), sent.type().name(),
                ApiTime.of(sent.createdDate()));
    }
}
