package dev.herald.domain;

/** The id of a delivery: {@code msg_} and up to 64 letters or digits. */
public record DeliveryId(String value) {
    public static final String PREFIX = "msg_";

    public DeliveryId {
        if (!PrefixedId.isValid(PREFIX, value)) {
            throw new InvalidInputException(new Violation(java.util.List.of("path", "webhook_delivery_attempt_id"),
                    "not a valid id: expected msg_ followed by letters and digits", "value_error.id"));
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
