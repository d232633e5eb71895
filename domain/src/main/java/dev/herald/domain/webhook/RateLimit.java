package dev.herald.domain.webhook;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.Optional;

/** At most this many deliveries started per second to a webhook, on all nodes together (docs/API.md §6.8). */
public record RateLimit(int perSecond) {
    public static final int MAX = 10_000;

    public RateLimit {
        if (perSecond < 1 || perSecond > MAX) {
            throw InvalidInputException.of("rateLimit", Violation.Rule.OUT_OF_RANGE,
                    "rateLimit must be between 1 and " + MAX + " deliveries per second");
        }
    }

    /** A tenant's number, checked: {@code null} is no limit. */
    public static Optional<RateLimit> of(Long perSecond) {
        if (perSecond == null) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit((int) Math.max(0, Math.min(perSecond, MAX + 1L))));
    }
}
