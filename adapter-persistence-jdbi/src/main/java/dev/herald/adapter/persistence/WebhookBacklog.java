package dev.herald.adapter.persistence;

import dev.herald.domain.delivery.DeliveryStatus;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** All of one webhook's deliveries in a given state, changed at once: recovered when FAILED, cancelled when PENDING. */
final class WebhookBacklog {
    private static final String OF_WEBHOOK = " WHERE tenant = :tenant AND webhook_id = :webhook";

    private WebhookBacklog() {
    }

    /**
     * One UPDATE revives the FAILED deliveries created since {@code since}, marking them with {@code now} as their
     * next attempt; the queue rows are then made from exactly those (a concurrent recover waits for the row locks and
     * finds them no longer FAILED). Returns how many were revived.
     */
    static int recover(Handle h, String tenant, String webhook, Instant since, Instant now) {
        int recovered = h.createUpdate("UPDATE deliveries SET status = :pending, next_attempt_date = :now,"
                        + " finished_date = NULL"
                        + OF_WEBHOOK + " AND status = :failed AND created_date >= :since")
                .bind("tenant", tenant).bind("webhook", webhook)
                .bind("pending", DeliveryStatus.PENDING.name()).bind("failed", DeliveryStatus.FAILED.name())
                .bind("now", SqlTime.of(now)).bind("since", SqlTime.of(since))
                .execute();
        if (recovered > 0) {
            h.createUpdate("INSERT INTO delivery_queue (delivery_id, webhook_id, due_at)"
                            + " SELECT id, webhook_id, next_attempt_date FROM deliveries" + OF_WEBHOOK
                            + " AND status = :pending AND next_attempt_date = :now"
                            + " AND NOT EXISTS (SELECT 1 FROM delivery_queue q WHERE q.delivery_id = deliveries.id)")
                    .bind("tenant", tenant).bind("webhook", webhook)
                    .bind("pending", DeliveryStatus.PENDING.name()).bind("now", SqlTime.of(now))
                    .execute();
            EndpointLanes.dueBy(h, Map.of(webhook, now));
        }
        return recovered;
    }

    /** Cancels the PENDING deliveries and takes them out of the queue; returns how many. */
    static int cancelPending(Handle h, String tenant, String webhook) {
        h.createUpdate("DELETE FROM delivery_queue WHERE delivery_id IN (SELECT id FROM deliveries" + OF_WEBHOOK
                        + " AND status = :pending)")
                .bind("tenant", tenant).bind("webhook", webhook)
                .bind("pending", DeliveryStatus.PENDING.name())
                .execute();
        return h.createUpdate("UPDATE deliveries SET status = :cancelled, next_attempt_date = NULL,"
                        // Delivery.finishedDate: its last attempt, or its creation when it never had one
                        + " finished_date = COALESCE(last_attempt_date, created_date)" + OF_WEBHOOK
                        + " AND status = :pending")
                .bind("tenant", tenant).bind("webhook", webhook)
                .bind("pending", DeliveryStatus.PENDING.name())
                .bind("cancelled", DeliveryStatus.CANCELLED.name())
                .execute();
    }
}
