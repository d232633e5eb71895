package dev.herald.adapter.http;

import java.time.Duration;

/** A client address refused after too many failed authentications (docs/API.md §2.3). */
final class TooManyFailedAttemptsException extends TooManyRequestsException {
    TooManyFailedAttemptsException(Duration retryAfter) {
        super("Too many failed attempts; try again later", retryAfter);
    }
}
