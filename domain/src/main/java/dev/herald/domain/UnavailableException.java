package dev.herald.domain;

/**
 * Herald cannot do the work now but may in a moment: its database gave no connection in time, because it is
 * overloaded or unreachable. Answered 503 with {@code Retry-After} (docs/API.md §3); a publish retried with the same
 * idempotency {@code id} is safe whatever became of the first try.
 */
public class UnavailableException extends HeraldException {
    public UnavailableException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
