package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Webhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** On PostgreSQL, the claim query reads the due_at index rather than the whole queue. Writes the plan to target/. */
class PostgresClaimPlanTest {
    private static final int QUEUED = 5_000;

    @Test
    void theClaimQueryUsesTheEndpointsDueAtIndex() throws IOException {
        JdbiPersistence persistence = TestDatabase.postgres().empty();
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(0));
        persistence.webhooks().insert(webhook);
        persistence.events().insert(event);

        String plan = persistence.jdbi().withHandle(h -> {
            h.createUpdate("""
                    INSERT INTO deliveries (id, tenant, event_id, webhook_id, event_type, status, attempt_count, created_date)
                    SELECT 'msg_plan' || g, 'acme', :event, :webhook, 'PATIENT_CREATED', 'PENDING', 0, now()
                    FROM generate_series(1, :n) g""")
                    .bind("event", event.id().value()).bind("webhook", webhook.id().value()).bind("n", QUEUED)
                    .execute();
            // A few due now, most in the coming days: the usual shape of a retry queue.
            h.createUpdate("""
                    INSERT INTO delivery_queue (delivery_id, webhook_id, due_at)
                    SELECT 'msg_plan' || g, :webhook, now() + (g - 50) * interval '1 minute'
                    FROM generate_series(1, :n) g""")
                    .bind("webhook", webhook.id().value()).bind("n", QUEUED)
                    .execute();
            h.execute("ANALYZE delivery_queue");
            return String.join("\n", h.createQuery("EXPLAIN " + DueRows.CLAIM_DUE_ROWS)
                    .bind("webhook", webhook.id().value())
                    .bind("now", SqlTime.of(Instant.now()))
                    .bind("max", 100)
                    .mapTo(String.class)
                    .list());
        });

        Files.writeString(Path.of("target", "claim-plan.txt"), plan + "\n");
        assertTrue(plan.contains("delivery_queue_by_webhook"), plan);
    }
}
