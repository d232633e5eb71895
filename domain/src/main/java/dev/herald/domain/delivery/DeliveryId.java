package dev.herald.domain.delivery;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.PrefixedId;
import dev.herald.domain.Violation;

/** The id of a delivery: {@code msg_} and up to 64 letters or digits. */
public record DeliveryId(String value) {
    public static final String PREFIX = "msg_";

    public DeliveryId {
        if (!PrefixedId.isValid(PREFIX, value)) {
            throw InvalidInputException.of("deliveryId", Violation.Rule.ID_INVALID,
                    "not a valid id: expected msg_ followed by letters and digits");
        }
    }

    /** The id, or empty when the text cannot be one (callers answer "not found"). */
    public static java.util.Optional<DeliveryId> parse(String text) {
        return PrefixedId.isValid(PREFIX, text) ? java.util.Optional.of(new DeliveryId(text)) : java.util.Optional.empty();
    }

    public static DeliveryId generate() {
        return new DeliveryId(PrefixedId.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
