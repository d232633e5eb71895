package dev.herald.adapter.persistence;

import dev.herald.domain.delivery.Attempt;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryId;
import dev.herald.domain.delivery.DeliveryStatus;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** How deliveries and attempts map to rows of {@code deliveries} and {@code attempts}. */
final class DeliveryRows {
    static final String DELIVERY_COLUMNS = "id, tenant, event_id, webhook_id, event_type, status,"
            + " attempt_count, created_date, delivered_date, next_attempt_date, last_attempt_number, last_attempt_date,"
            + " last_attempt_status, last_attempt_error, last_attempt_duration_ms, last_attempt_response_body";

    static final String INSERT_DELIVERY = "INSERT INTO deliveries (" + DELIVERY_COLUMNS + ", finished_date)"
            + " VALUES (:id, :tenant, :eventId, :webhookId, :type, :status, :attemptCount, :created, :delivered, :next,"
            + " :lastNumber, :lastDate, :lastStatus, :lastError, :lastDurationMs, :lastResponseBody, :finished)";

    /** The outcome of an attempt; the fixed fields (tenant, event, webhook…) never change. */
    static final String UPDATE_DELIVERY = """
            UPDATE deliveries SET status = :status, attempt_count = :attemptCount, delivered_date = :delivered,
                next_attempt_date = :next, last_attempt_number = :lastNumber, last_attempt_date = :lastDate,
                last_attempt_status = :lastStatus, last_attempt_error = :lastError,
                last_attempt_duration_ms = :lastDurationMs, last_attempt_response_body = :lastResponseBody,
                finished_date = :finished
            WHERE id = :id""";

    static final String INSERT_ATTEMPT = """
            INSERT INTO attempts (delivery_id, attempt_number, attempt_date, http_status, error_text, duration_ms,
                                  response_body)
            VALUES (:deliveryId, :number, :date, :status, :error, :durationMs, :responseBody)""";

    static final String ATTEMPT_COLUMNS = "delivery_id, attempt_number, attempt_date, http_status, error_text,"
            + " duration_ms, response_body";

    private DeliveryRows() {
    }

    static <S extends SqlStatement<S>> S bindDelivery(S statement, Delivery d) {
        Optional<Attempt> last = d.lastAttempt();
        return statement
                .bind("id", d.id().value())
                .bind("tenant", d.tenant().value())
                .bind("eventId", d.eventId().value())
                .bind("webhookId", d.webhookId().value())
                .bind("type", d.type().name())
                .bind("status", d.status().name())
                .bind("attemptCount", d.attemptCount())
                .bind("created", SqlTime.of(d.createdDate()))
                .bind("delivered", SqlTime.of(d.deliveredDate()))
                .bind("next", SqlTime.of(d.nextAttemptDate()))
                .bind("finished", SqlTime.of(d.finishedDate()))
                .bind("lastNumber", last.map(Attempt::number).orElse(null))
                .bind("lastDate", SqlTime.of(last.map(Attempt::date)))
                .bind("lastStatus", last.flatMap(Attempt::status).orElse(null))
                .bind("lastError", last.flatMap(Attempt::error).orElse(null))
                .bind("lastDurationMs", last.map(Attempt::durationMs).orElse(null))
                .bind("lastResponseBody", last.flatMap(Attempt::responseBody).orElse(null));
    }

    static <S extends SqlStatement<S>> S bindAttempt(S statement, DeliveryId delivery, Attempt a) {
        return statement
                .bind("deliveryId", delivery.value())
                .bind("number", a.number())
                .bind("date", SqlTime.of(a.date()))
                .bind("status", a.status().orElse(null))
                .bind("error", a.error().orElse(null))
                .bind("durationMs", a.durationMs())
                .bind("responseBody", a.responseBody().orElse(null));
    }

    static Delivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<Attempt> last = SqlTime.readOptional(rs, "last_attempt_date").isEmpty() ? Optional.empty()
                : Optional.of(new Attempt(rs.getInt("last_attempt_number"), SqlTime.read(rs, "last_attempt_date"),
                        SqlTime.optional(rs, "last_attempt_status", Integer.class),
                        Optional.ofNullable(rs.getString("last_attempt_error")),
                        rs.getLong("last_attempt_duration_ms"),
                        Optional.ofNullable(rs.getString("last_attempt_response_body"))));
        return new Delivery(
                new DeliveryId(rs.getString("id")),
                new TenantId(rs.getString("tenant")),
                new EventId(rs.getString("event_id")),
                new WebhookId(rs.getString("webhook_id")),
                EventType.valueOf(rs.getString("event_type")),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempt_count"),
                SqlTime.read(rs, "created_date"),
                SqlTime.readOptional(rs, "delivered_date"),
                last,
                SqlTime.readOptional(rs, "next_attempt_date"));
    }

    static Attempt attempt(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Attempt(rs.getInt("attempt_number"), SqlTime.read(rs, "attempt_date"),
                SqlTime.optional(rs, "http_status", Integer.class), Optional.ofNullable(rs.getString("error_text")),
                rs.getLong("duration_ms"), Optional.ofNullable(rs.getString("response_body")));
    }

    /** When the delivery's queue row is due: its next attempt, or its creation for one never tried. */
    static Instant dueAt(Delivery delivery) {
        return delivery.nextAttemptDate().orElse(delivery.createdDate());
    }

    static int[] executeIfAny(PreparedBatch batch) {
        return batch.size() > 0 ? batch.execute() : new int[0];
    }
}
