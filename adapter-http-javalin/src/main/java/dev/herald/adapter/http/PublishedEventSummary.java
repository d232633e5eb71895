package dev.herald.adapter.http;

import dev.herald.application.port.in.ForPublishingEvents.PublishedEvent;

/** The answer of {@code POST /v1/event/create} (docs/API.md §5). */
record PublishedEventSummary(String id, String type, String createdDate, int deliveryCount) {
    static PublishedEventSummary from(PublishedEvent event) {
        return new PublishedEventSummary(event.id().value(), event.type().name(), ApiTime.of(event.createdDate()),
                event.deliveryCount());
    }
}
