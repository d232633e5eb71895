package dev.herald.application.inmemory;

import dev.herald.application.port.out.ForRunningTransactions;
import java.util.function.Supplier;

/** Runs the work as it is: the in-memory stores are individually thread-safe and never roll back. */
public final class InMemoryTransactions implements ForRunningTransactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
