package dev.herald.domain.delivery;

/** Where a delivery stands: waiting for its next attempt, done, given up, or cancelled with its webhook. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
