package dev.herald.server.e2e;

import dev.herald.server.support.EncryptedSecretsScenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** {@link EncryptedSecretsScenario} on an in-memory H2 database, which outlives each server of the test. */
class EncryptedSecretsOnH2Test extends EncryptedSecretsScenario {
    private final String url = "jdbc:h2:mem:encryption-" + UUID.randomUUID();

    @Override
    protected String databaseUrl() {
        return url;
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().execute("SHUTDOWN");
        }
    }
}
