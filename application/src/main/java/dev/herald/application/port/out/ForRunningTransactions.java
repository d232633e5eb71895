package dev.herald.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes happen, or none. Joins a transaction already open. */
public interface ForRunningTransactions {
    <T> T inTransaction(Supplier<T> work);
}
