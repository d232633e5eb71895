package dev.herald.domain;

import java.nio.charset.StandardCharsets;

/**
 * An event's payload: the text of one JSON object, exactly as it will appear in the delivery body.
 * Parsing belongs to the adapters; this only guards the shape so the body cannot be broken by it.
 */
public record EventData(String json) {
    public EventData {
        String trimmed = json == null ? "" : json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw InvalidInputException.body("data", "data must be a JSON object", "type_error.dict");
        }
        json = trimmed;
    }

    /** The data as UTF-8, a new array: convert once per event and share it between its deliveries' bodies. */
    public byte[] utf8() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
