package dev.herald.domain.webhook;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.PrefixedId;
import dev.herald.domain.Violation;

/** The id of a webhook: {@code wh_} and up to 64 letters or digits. */
public record WebhookId(String value) {
    public static final String PREFIX = "wh_";

    public WebhookId {
        if (!PrefixedId.isValid(PREFIX, value)) {
            throw InvalidInputException.of("webhookId", Violation.Rule.ID_INVALID,
                    "not a valid id: expected wh_ followed by letters and digits");
        }
    }

    /** The id, or empty when the text cannot be one (callers answer "not found"). */
    public static java.util.Optional<WebhookId> parse(String text) {
        return PrefixedId.isValid(PREFIX, text) ? java.util.Optional.of(new WebhookId(text)) : java.util.Optional.empty();
    }

    public static WebhookId generate() {
        return new WebhookId(PrefixedId.generate(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
