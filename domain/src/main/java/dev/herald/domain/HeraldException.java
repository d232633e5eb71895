package dev.herald.domain;

/** Base of every error Herald reports on purpose; adapters map the subclasses to answers in one place. */
public abstract class HeraldException extends RuntimeException {
    protected HeraldException(String message) {
        super(message);
    }
}
