package dev.herald.domain;

/** A request that clashes with what exists: a tenant name taken, an idempotency key reused with another body. */
public class ConflictException extends HeraldException {
    public ConflictException(String message) {
        super(message);
    }
}
