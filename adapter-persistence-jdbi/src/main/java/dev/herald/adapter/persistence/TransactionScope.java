package dev.herald.adapter.persistence;

import dev.herald.domain.ConflictException;
import dev.herald.domain.UnavailableException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
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
    static final String UNAVAILABLE = "Herald's database is unavailable or overloaded; retry later";

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    TransactionScope(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code callback} in the current transaction, or in a new one, with its failures translated. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        return translatingFailures(() -> {
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

    /**
     * A unique violation becomes a conflict; no connection in time (the pool's wait ran out, the database is down or
     * went away) becomes {@link UnavailableException}, answered 503 rather than 500 (docs/API.md §3).
     */
    static <T> T translatingFailures(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException("already exists");
            }
            if (isConnectionFailure(e)) {
                throw new UnavailableException(UNAVAILABLE, e);
            }
            throw e;
        }
    }

    /** SQL states of class 08 (connection exception) and 57P01–57P03 (PostgreSQL shutting down or starting). */
    static boolean isConnectionFailure(JdbiException e) {
        if (e instanceof ConnectionException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
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
