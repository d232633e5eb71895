package dev.herald.domain;

/** A tenant's request that would pass one of the operator's per-tenant limits; the message names the limit. */
public final class LimitExceededException extends HeraldException {
    /** The limits; each is configurable by the operator. */
    public enum Limit {
        WEBHOOKS_PER_TENANT,
        SUBSCRIBERS_PER_EVENT_TYPE,
        /** The event's data size times the number of webhooks it goes to: what one publish makes Herald send. */
        EVENT_BYTES_TIMES_SUBSCRIBERS
    }

    private final Limit limit;

    public LimitExceededException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
