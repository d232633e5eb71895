package dev.herald.server.postgres;

import dev.herald.server.support.EncryptedSecretsScenario;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link EncryptedSecretsScenario} on a PostgreSQL schema of its own. */
class EncryptedSecretsOnPostgresTest extends EncryptedSecretsScenario {
    private PostgresSchema schema;

    @BeforeEach
    void createSchema() {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Override
    protected String databaseUrl() {
        return schema.jdbcUrl();
    }

    @Override
    protected Connection connect() throws SQLException {
        return schema.connect();
    }
}
