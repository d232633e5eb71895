package dev.herald.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The few places where H2 and PostgreSQL need different SQL. */
enum SqlDialect {
    H2, POSTGRESQL;

    /**
     * The row lock for changing a webhook's lane. On PostgreSQL not {@code FOR UPDATE}: a delivery inserted in a
     * host's open transaction holds a key-share lock on its webhook (the foreign key), which {@code FOR UPDATE} would
     * wait for or skip; {@code FOR NO KEY UPDATE} does not conflict with it.
     */
    String lockForLaneChange() {
        return this == POSTGRESQL ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("Herald runs on H2 or PostgreSQL, not " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }
}
