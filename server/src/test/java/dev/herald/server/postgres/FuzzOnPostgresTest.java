package dev.herald.server.postgres;

import dev.herald.server.HeraldConfig;
import dev.herald.server.support.FuzzScenarios;
import dev.herald.server.support.LocalServerConfig;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The fuzz of every route on PostgreSQL, in a fresh schema: its text and time types refuse what H2 stores. */
class FuzzOnPostgresTest extends FuzzScenarios {
    private PostgresSchema schema;

    @BeforeAll
    void freshSchema() {
        schema = PostgresSchema.create();
    }

    @Override
    protected HeraldConfig config(String adminKey) {
        return LocalServerConfig.of("fuzz", adminKey, Map.of("HERALD_DB_URL", schema.jdbcUrl()));
    }

    @Override
    protected void afterServerStopped() {
        if (schema != null) {
            schema.close();
        }
    }
}
