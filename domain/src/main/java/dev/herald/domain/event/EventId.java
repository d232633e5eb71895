package dev.herald.domain.event;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.PrefixedId;
import dev.herald.domain.Violation;

/** The id of an event: {@code evt_} and up to 64 letters or digits. */
public record EventId(String value) {
    public static final String PREFIX = "evt_";

    public EventId {
        if (!PrefixedId.isValid(PREFIX, value)) {
            throw InvalidInputException.of("eventId", Violation.Rule.ID_INVALID,
                    "not a valid id: expected evt_ followed by letters and digits");
        }
    }

    /** The id, or empty when the text cannot be one (callers answer "not found"). */
    public static java.util.Optional<EventId> parse(String text) {
        return PrefixedId.isValid(PREFIX, text) ? java.util.Optional.of(new EventId(text)) : java.util.Optional.empty();
    }

    public static EventId generate() {
        return new EventId(PrefixedId.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
