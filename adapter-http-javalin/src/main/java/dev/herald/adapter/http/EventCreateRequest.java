package dev.herald.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;

/** The body of {@code POST /v1/event/create}: type and data required, id (the idempotency key) optional. */
record EventCreateRequest(String type, String dataJson, String id) {
    static EventCreateRequest from(JsonFields body) {
        String type = body.required("type", JsonKind.STRING);
        ObjectNode data = body.required("data", JsonKind.OBJECT);
        String id = body.optional("id", JsonKind.STRING);
        body.validate();
        // The core checks the data and keeps its canonical form, which is what Jackson writes for the parsed tree.
        return new EventCreateRequest(type, Json.text(data), id);
    }

    PublishEvent toCommand() {
        return new PublishEvent(type, dataJson, id);
    }
}
