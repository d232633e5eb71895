package dev.herald.adapter.persistence;

import dev.herald.domain.ConflictException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The handle of the transaction open on this thread, if any, shared by every store so that their writes inside one
 * {@link JdbiTransactions#inTransaction} (or a host's transaction) commit or roll back together. Outside one, each
 * store call is its own transaction.
 */
final class TransactionScope {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    TransactionScope(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code callback} in the current transaction, or in a new one; a unique violation becomes a conflict. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        return translatingConflicts(() -> {
            Handle handle = current.get();
            return handle != null ? callback.withHandle(handle) : jdbi.inTransaction(fresh -> bound(fresh, callback));
        });
    }

    /** Runs {@code work} with {@code handle} as this thread's transaction; its stores calls all join it. */
    <T> T bound(Handle handle, HandleCallback<T, RuntimeException> work) {
        Handle outer = current.get();
        current.set(handle);
        try {
            return work.withHandle(handle);
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    static <T> T translatingConflicts(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException("already exists");
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
