package dev.herald.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;

/** Instants in and out of TIMESTAMP WITH TIME ZONE columns as OffsetDateTime, so the JVM's time zone never matters. */
final class SqlTime {
    private SqlTime() {
    }

    static Argument of(Instant instant) {
        OffsetDateTime value = instant.atOffset(ZoneOffset.UTC);
        return (position, statement, context) -> statement.setObject(position, value);
    }

    static Argument of(Optional<Instant> instant) {
        return instant.map(SqlTime::of)
                .orElse((position, statement, context) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE));
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        return readOptional(rs, column).orElseThrow(() -> new SQLException(column + " is null"));
    }

    static Optional<Instant> readOptional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static <T> Optional<T> optional(ResultSet rs, String column, Class<T> type) throws SQLException {
        T value = rs.getObject(column, type);
        return rs.wasNull() ? Optional.empty() : Optional.ofNullable(value);
    }
}
