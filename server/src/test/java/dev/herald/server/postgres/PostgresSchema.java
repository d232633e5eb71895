package dev.herald.server.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty PostgreSQL schema on the database of {@value #URL_VARIABLE}, reached through a JDBC URL with
 * {@code currentSchema}, so that every Herald node, pool and child JVM of a test sees exactly its rows and no other
 * test's or run's (the same approach as the persistence adapter's test database). Dropped on {@link #close()}.
 * Without the variable, {@link #create()} skips the calling test.
 */
final class PostgresSchema implements AutoCloseable {
    static final String URL_VARIABLE = "HERALD_TEST_PG_URL";

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    static PostgresSchema create() {
        String url = System.getenv(URL_VARIABLE);
        Assumptions.assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " not set: PostgreSQL tests skipped");
        String name = "herald_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE SCHEMA " + name);
        return new PostgresSchema(url, name);
    }

    /** The URL Herald, a host pool or a child server uses (credentials, if any, are in the URL). */
    String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
