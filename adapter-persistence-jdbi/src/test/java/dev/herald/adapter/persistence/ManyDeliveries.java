package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.event;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;

import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Webhook;
import dev.herald.domain.webhook.WebhookId;

/**
 * Many deliveries to one webhook of ACME, written straight into {@code deliveries}: every fourth shares its
 * creation minute with the next, delivered and last-attempt dates repeat and are missing now and then, so that
 * orders have ties and NULLs. Only the columns the list reads are meaningful.
 */
final class ManyDeliveries {
    private ManyDeliveries() {
    }

    /** Empties the database and writes {@code count} deliveries; the webhook they belong to. */
    static WebhookId load(TestDatabase database, int count) {
        JdbiPersistence persistence = database.empty();
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED, EventType.PATIENT_UPDATED);
        Event event = event(ACME, EventType.PATIENT_CREATED, minutes(0));
        persistence.webhooks().insert(webhook);
        persistence.events().insert(event);
        boolean h2 = H2Urls.isH2(database.jdbcUrl());
        String series = h2 ? "SYSTEM_RANGE(1, :n) AS g(x)" : "generate_series(1, :n) AS g(x)";
        String minute = "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + %s * INTERVAL '1' MINUTE";
        persistence.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO deliveries (id, tenant, event_id, webhook_id, event_type, status,"
                            + " attempt_count, created_date, delivered_date, last_attempt_number, last_attempt_date,"
                            + " last_attempt_status)"
                            + " SELECT 'msg_many' || x, 'acme', :event, :webhook,"
                            + " CASE WHEN MOD(x, 3) = 0 THEN 'PATIENT_UPDATED' ELSE 'PATIENT_CREATED' END,"
                            + " 'DELIVERED', 1, " + minute.formatted("(x / 4)") + ","
                            + " CASE WHEN MOD(x, 5) = 0 THEN NULL ELSE " + minute.formatted("MOD(x * 7, 50)") + " END,"
                            + " 1, CASE WHEN MOD(x, 7) = 0 THEN NULL ELSE " + minute.formatted("MOD(x * 3, 40)") + " END,"
                            + " CASE WHEN MOD(x, 4) = 0 THEN 500 ELSE 200 END"
                            + " FROM " + series)
                    .bind("event", event.id().value())
                    .bind("webhook", webhook.id().value())
                    .bind("n", count)
                    .execute();
            h.execute(h2 ? "ANALYZE TABLE deliveries" : "ANALYZE deliveries");
        });
        return webhook.id();
    }
}
