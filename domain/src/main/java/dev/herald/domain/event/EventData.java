package dev.herald.domain.event;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.nio.charset.StandardCharsets;

/**
 * An event's payload: the text of one JSON object, exactly as it will appear in the delivery body. Data from a
 * publisher comes in through {@link #parse}, which holds the rule and the canonical form; the constructor is for data
 * read back from a store, which {@code parse} checked on the way in, and only guards the shape so a body cannot be
 * broken by it.
 */
public record EventData(String json) {
    public static final String FIELD = "data";

    public EventData {
        String trimmed = json == null ? "" : json.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw notAnObject("");
        }
        json = trimmed;
    }

    /**
     * A publisher's data: it must be the text of exactly one JSON object (RFC 8259, no name twice in one object), and
     * is kept in canonical form (no insignificant whitespace, numbers as written or in {@code BigDecimal}'s form), so
     * the same data is the same body however it was spaced.
     */
    public static EventData parse(String text) {
        String canonical;
        try {
            canonical = CanonicalJson.object(text);
        } catch (CanonicalJson.Malformed e) {
            throw notAnObject(" (" + e.getMessage() + ")");
        }
        return new EventData(canonical);
    }

    /** The data as UTF-8, a new array: convert once per event and share it between its deliveries' bodies. */
    public byte[] utf8() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidInputException notAnObject(String why) {
        return InvalidInputException.of(FIELD, Violation.Rule.NOT_A_JSON_OBJECT, "data must be a JSON object" + why);
    }
}
