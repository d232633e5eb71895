package dev.herald.adapter.http;

import java.time.Duration;

/** A client address refused after too many failed authentications; answered 429 with {@code Retry-After}. */
final class TooManyFailedAttemptsException extends RuntimeException {
    private final Duration retryAfter;

    TooManyFailedAttemptsException(Duration retryAfter) {
        super("Too many failed attempts; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: waiting that long is always enough. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.equals(Duration.ofSeconds(seconds)) ? Math.max(1, seconds) : seconds + 1;
    }
}
