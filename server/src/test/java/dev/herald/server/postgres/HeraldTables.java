package dev.herald.server.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Herald's tables in a test schema, read directly with SQL: what the nodes actually left in the database. */
final class HeraldTables {
    private final PostgresSchema schema;

    HeraldTables(PostgresSchema schema) {
        this.schema = schema;
    }

    long deliveries() {
        return count("SELECT count(*) FROM deliveries");
    }

    long deliveriesIn(String status) {
        return count("SELECT count(*) FROM deliveries WHERE status = ?", status);
    }

    long attempts() {
        return count("SELECT count(*) FROM attempts");
    }

    /** Rows in the polled table, the unfinished deliveries. */
    long queued() {
        return count("SELECT count(*) FROM delivery_queue");
    }

    long eventsWithId(String eventId) {
        return count("SELECT count(*) FROM events WHERE id = ?", eventId);
    }

    long deliveriesOfEvent(String eventId) {
        return count("SELECT count(*) FROM deliveries WHERE event_id = ?", eventId);
    }

    /** The queue rows under a lease, by delivery id, with the lease's end (a claim moves due_at there). */
    Map<String, Instant> leaseEnds() {
        return instants("SELECT delivery_id, due_at FROM delivery_queue WHERE lease_token IS NOT NULL");
    }

    /** When each delivery's last recorded attempt started. */
    Map<String, Instant> lastAttemptDates(Collection<String> deliveryIds) {
        return instants("SELECT id, last_attempt_date FROM deliveries WHERE id = ANY (?)",
                (Object) deliveryIds.toArray(String[]::new));
    }

    long count(String sql, Object... parameters) {
        return query(sql, parameters, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    private Map<String, Instant> instants(String sql, Object... parameters) {
        return query(sql, parameters, rs -> {
            Map<String, Instant> byId = new HashMap<>();
            while (rs.next()) {
                OffsetDateTime time = rs.getObject(2, OffsetDateTime.class);
                byId.put(rs.getString(1), time == null ? null : time.toInstant());
            }
            return byId;
        });
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Object[] parameters, Rows<T> rows) {
        try (Connection c = schema.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof String[] array) {
                    statement.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
