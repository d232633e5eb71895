package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.UnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * No connection in time is "unavailable" (answered 503, docs/API.md §3), not an unexpected failure: the pool's wait
 * running out under load, and a connection the database drops in the middle of a transaction.
 */
class DatabaseUnavailableTest {

    @Test
    void aPoolWithNoFreeConnectionInTimeIsUnavailable() {
        try (JdbiPersistence persistence = JdbiPersistence.connect(
                "jdbc:h2:mem:unavailable-" + UUID.randomUUID(), "", "")) {
            List<Handle> held = new ArrayList<>();
            try {
                // Every connection of the pool busy elsewhere, as under a publish storm.
                for (int i = 0; i < 10; i++) {
                    held.add(persistence.jdbi().open());
                }
                UnavailableException refused = assertThrows(UnavailableException.class,
                        () -> persistence.webhooks().list(ACME, false));
                assertEquals(TransactionScope.UNAVAILABLE, refused.getMessage());
            } finally {
                held.forEach(Handle::close);
            }
            assertEquals(List.of(), persistence.webhooks().list(ACME, false));
        }
    }

    @Test
    void aConnectionTheDatabaseDropsInsideATransactionIsUnavailable() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        JdbiPersistence persistence = database.empty();
        try (Connection host = DriverManager.getConnection(database.jdbcUrl())) {
            host.setAutoCommit(false);
            int pid;
            try (Statement s = host.createStatement(); var rows = s.executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                pid = rows.getInt(1);
            }
            assertThrows(UnavailableException.class, () -> persistence.transactions().onHostConnection(host, () -> {
                // The server ends this session (as a restart or a failover would) before the next statement.
                persistence.jdbi().useHandle(other -> other.execute("SELECT pg_terminate_backend(?)", pid));
                return persistence.webhooks().list(ACME, false);
            }));
        }
    }
}
