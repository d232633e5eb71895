package dev.herald.domain.endpoint;

import dev.herald.domain.webhook.RateLimit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The deliveries started to an endpoint in its current second, for its {@link RateLimit} (docs/API.md §6.8): a fixed
 * one-second window, kept with the endpoint so that every node counts against the same one.
 */
public record RateWindow(Optional<Instant> second, int used) {
    public static final RateWindow NONE = new RateWindow(Optional.empty(), 0);

    public RateWindow {
        Objects.requireNonNull(second);
    }

    /** How many more may start at {@code now}: unbounded without a limit. */
    public int allowance(Optional<RateLimit> limit, Instant now) {
        return limit.map(l -> l.perSecond() - (isCurrent(now) ? used : 0)).map(left -> Math.max(0, left))
                .orElse(Integer.MAX_VALUE);
    }

    /** After {@code started} more started at {@code now}. */
    public RateWindow after(int started, Instant now) {
        return new RateWindow(Optional.of(secondOf(now)), (isCurrent(now) ? used : 0) + started);
    }

    /** When the next window opens. */
    public static Instant nextSecond(Instant now) {
        return secondOf(now).plusSeconds(1);
    }

    private boolean isCurrent(Instant now) {
        return second.filter(secondOf(now)::equals).isPresent();
    }

    private static Instant secondOf(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }
}
