package dev.herald.domain;

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
}
