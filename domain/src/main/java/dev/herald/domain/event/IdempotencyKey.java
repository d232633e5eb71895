package dev.herald.domain.event;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;

/** A publisher's key that makes publishing the same event twice create it once: 1 to 255 printable characters. */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw InvalidInputException.of("idempotencyKey",
                    value != null && value.length() > MAX_LENGTH ? Violation.Rule.TOO_LONG : Violation.Rule.TEXT_INVALID,
                    "id must be 1 to " + MAX_LENGTH + " printable characters");
        }
    }
}
