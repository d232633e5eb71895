package dev.herald.adapter.http;

import java.time.Duration;

/**
 * A refusal that passes with time: answered 429 with {@code Retry-After} and the message as {@code detail}
 * (docs/API.md §3).
 */
abstract class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: waiting that long is always enough. */
    final long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? Math.max(1, seconds) : seconds + 1;
    }
}
