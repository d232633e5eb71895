package dev.herald.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the first attempt is immediate, then one delay per retry
 * (default 1 s, 5 s, 15 s, 60 s, 5 min, 15 min), each moved by up to ±{@code jitter}. Whether a delivery is retried
 * at all is decided here too, in {@link #afterAttempt}.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {
    public static final RetrySchedule DEFAULT = parse("1s,5s,15s,60s,5m,15m");
    /** The longest wait a receiver's Retry-After can ask for; beyond it the header is capped. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final int GONE = 410;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int UNAVAILABLE = 503;

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
    }

    /** Parses {@code "1s,5s,15s,60s,5m,15m"} (units ms, s, m, h, d), with ±20 % jitter. An empty text means no retries. */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                delays.add(parseDuration(part.strip()));
            }
        }
        return new RetrySchedule(delays, 0.2);
    }

    /** Parses one duration such as {@code 250ms}, {@code 5s}, {@code 15m}, {@code 1h}, {@code 5d}. */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String[][] units = {{"ms", "MILLIS"}, {"s", "SECONDS"}, {"m", "MINUTES"}, {"h", "HOURS"}, {"d", "DAYS"}};
        for (String[] unit : units) {
            if (t.endsWith(unit[0]) && t.length() > unit[0].length()) {
                String number = t.substring(0, t.length() - unit[0].length());
                if (number.matches("\\d{1,9}")) {
                    return Duration.of(Long.parseLong(number),
                            java.time.temporal.ChronoUnit.valueOf(unit[1]));
                }
            }
        }
        throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 500ms, 5s, 15m, 1h)");
    }

    /**
     * The one place a retry is decided: the delivery after a scheduled attempt made at about {@code now}. A 2xx
     * delivers it; 410 Gone fails it at once; any other failure makes it due again after the next delay (which a 429's
     * or 503's {@code retryAfter} may lengthen), or fails it when that was the last attempt.
     */
    public Delivery afterAttempt(Delivery delivery, Attempt attempt, Optional<Duration> retryAfter, Instant now,
                                 RandomGenerator random) {
        if (attempt.succeeded() || attempt.status().filter(s -> s == GONE).isPresent()) {
            return delivery.after(attempt, Optional.empty());
        }
        Optional<Duration> asked = attempt.status().filter(s -> s == TOO_MANY_REQUESTS || s == UNAVAILABLE)
                .flatMap(s -> retryAfter);
        return delivery.after(attempt, delayAfter(attempt.number(), asked, random).map(now::plus));
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * How long to wait after attempt number {@code attemptsMade} failed, or empty when that was the last one.
     * A receiver's Retry-After lengthens the wait, up to {@link #MAX_RETRY_AFTER}.
     */
    public Optional<Duration> delayAfter(int attemptsMade, Optional<Duration> retryAfter, RandomGenerator random) {
        if (attemptsMade >= maxAttempts()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        Duration delay = Duration.ofMillis(Math.round(base.toMillis() * factor));
        Duration asked = retryAfter.map(r -> r.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : r)
                .orElse(Duration.ZERO);
        return Optional.of(asked.compareTo(delay) > 0 ? asked : delay);
    }
}
