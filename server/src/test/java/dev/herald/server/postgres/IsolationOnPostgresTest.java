package dev.herald.server.postgres;

import dev.herald.server.support.IsolationScenarios;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The isolation scenarios on PostgreSQL, each in a fresh schema. */
class IsolationOnPostgresTest extends IsolationScenarios {
    private PostgresSchema schema;

    @BeforeEach
    void freshSchema() {
        schema = PostgresSchema.create();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Override
    protected Map<String, String> environment(Path directory) {
        return Map.of("HERALD_DB_URL", schema.jdbcUrl(), "HERALD_ADMIN_KEY", ADMIN_KEY, "HERALD_ALLOW_HTTP", "true",
                "HERALD_ALLOW_PRIVATE_NETWORKS", "true");
    }

    @Override
    protected String database() {
        return "PostgreSQL";
    }
}
