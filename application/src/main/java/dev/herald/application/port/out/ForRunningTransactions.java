package dev.herald.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes happen, or none. Joins a transaction already open. */
public interface ForRunningTransactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * As {@link #inTransaction}, but the transaction may be shared with other threads' work and committed with it
     * (group commit: one commit for many callers under load). Returns only once this work's writes are committed.
     * When the work throws, its writes are undone and the exception comes out unchanged to this caller alone; the
     * other callers' work is kept. To make that so, a work may be run again (in a fresh transaction, after another
     * caller's work failed beside it): it must have no effect outside the stores.
     */
    <T> T inSharedTransaction(Supplier<T> work);
}
