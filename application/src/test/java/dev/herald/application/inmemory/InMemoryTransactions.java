package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForRunningTransactions;
import java.util.function.Supplier;

/**
 * Transactions over the in-memory stores, as the database's: when the work throws, every store write it made on
 * this thread is undone; a call inside another joins it (no savepoint: only the outermost call commits or rolls
 * back). Unlike a database there is no isolation: other threads see the writes before the commit, so a test that
 * rolls back should not race other writers on the same keys.
 */
public final class InMemoryTransactions implements ForRunningTransactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (UndoLog.isOpen()) {
            return work.get();
        }
        UndoLog.open();
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            if (done) {
                UndoLog.commit();
            } else {
                UndoLog.rollBack();
            }
        }
    }
}
