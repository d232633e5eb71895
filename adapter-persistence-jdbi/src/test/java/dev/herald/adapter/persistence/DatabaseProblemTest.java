package dev.herald.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** What {@code /health} says of a database that does not answer (docs/API.md §8.3): the kind, never the message. */
class DatabaseProblemTest {

    @Test
    void eachKindOfFailureHasItsPhraseAndNoHostOrUserLeaks() {
        assertEquals("unreachable: connection refused", JdbiDatabaseProbe.describe(new ConnectionException(
                new SQLException("Connection to db.internal:5432 refused", "08001",
                        new ConnectException("Connection refused")))));
        assertEquals("unreachable: no answer in time", JdbiDatabaseProbe.describe(new ConnectionException(
                new SQLException("An I/O error occurred", "08006", new SocketTimeoutException("Read timed out")))));
        assertEquals("unavailable: shutting down or starting", JdbiDatabaseProbe.describe(new ConnectionException(
                new SQLException("the database system is starting up", "57P03"))));
        assertEquals("refused: authentication failed", JdbiDatabaseProbe.describe(new ConnectionException(
                new SQLException("password authentication failed for user \"herald\"", "28P01"))));
        assertEquals("unreachable: connection failed", JdbiDatabaseProbe.describe(new ConnectionException(
                new SQLException("This connection has been closed.", "08003"))));
        assertEquals("unavailable: no connection in time", JdbiDatabaseProbe.describe(new ConnectionException(
                new SQLTransientConnectionException("herald - Connection is not available, request timed out"))));
        assertEquals("failing: IllegalStateException",
                JdbiDatabaseProbe.describe(new IllegalStateException("db.internal")));
    }

    @Test
    void aClosedPoolDoesNotAnswerAndSaysSo() {
        JdbiPersistence persistence = JdbiPersistence.connect("jdbc:h2:mem:probe-" + UUID.randomUUID(), "", "");
        assertEquals(Optional.empty(), persistence.databaseProbe().problem());
        persistence.close();
        assertEquals("failing: ConnectionException", persistence.databaseProbe().problem().orElseThrow());
    }
}
