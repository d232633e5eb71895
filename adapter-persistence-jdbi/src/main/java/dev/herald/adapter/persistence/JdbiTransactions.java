package dev.herald.adapter.persistence;

import dev.herald.application.port.out.ForRunningTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions over the Herald stores. {@link #inTransaction} joins the transaction already open on this thread;
 * {@link #onHostConnection} makes a host application's own JDBC transaction that transaction (transactional outbox).
 */
public final class JdbiTransactions implements ForRunningTransactions {
    private final TransactionScope scope;

    JdbiTransactions(TransactionScope scope) {
        this.scope = scope;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return scope.inTransaction(handle -> work.get());
    }

    /**
     * Runs {@code work} (typically a publish) on the host's connection, inside the transaction the host has open on
     * it: every Herald write joins that transaction, and nothing here commits, rolls back or closes the connection —
     * the host does, so Herald's rows are kept exactly when the host's are.
     *
     * @param hostConnection a connection to the database Herald's tables live in, with auto-commit off
     * @throws IllegalArgumentException if the connection is in auto-commit mode (there would be no transaction to join)
     */
    public <T> T onHostConnection(Connection hostConnection, Supplier<T> work) {
        requireOpenTransaction(hostConnection);
        Jdbi hostJdbi = Jdbi.create(new BorrowedConnection(hostConnection));
        // The host ends its transaction, after this handle is gone.
        hostJdbi.getConfig(Handles.class).setForceEndTransactions(false);
        try (Handle handle = hostJdbi.open()) {
            return TransactionScope.translatingFailures(() -> scope.bound(handle, h -> work.get()));
        }
    }

    private static void requireOpenTransaction(Connection connection) {
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalArgumentException(
                        "the host connection is in auto-commit mode: begin a transaction (setAutoCommit(false)) first");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the host connection", e);
        }
    }

    /** The host's connection, lent for one call: closing the handle must not close it. */
    private record BorrowedConnection(Connection connection) implements ConnectionFactory {
        @Override
        public Connection openConnection() {
            return connection;
        }

        @Override
        public void closeConnection(Connection borrowed) {
            // the host's to close
        }
    }
}
