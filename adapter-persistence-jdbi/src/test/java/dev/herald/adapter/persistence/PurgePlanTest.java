package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Webhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each batch of the retention purge reads an index in its order and stops at the batch (docs/API.md §8.4), however
 * long the history: finished deliveries by deliveries_by_finished, events by events_by_created. Writes the plans to
 * target/.
 */
class PurgePlanTest {
    private static final int ROWS = 5_000;
    private static final int BATCH = 100;
    /** The cutoff: events 1 to 2,999 and deliveries finished at minutes 2,501 to 2,999 are older. */
    private static final Instant CUTOFF = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * 3_000);

    @Test
    void onH2EachBatchReadsItsIndexInOrder() throws IOException {
        List<String> plans = plans(TestDatabase.h2InMemory(), "EXPLAIN ANALYZE ");
        assertTrue(plans.get(0).contains("deliveries_by_finished"), plans.get(0));
        assertTrue(plans.get(1).contains("events_by_created"), plans.get(1));
        for (String plan : plans) {
            assertTrue(plan.contains("/* index sorted */"), plan);
            QueryPlans.scanCounts(plan).forEach(rows -> assertTrue(rows <= 2 * BATCH, plan)); // not the 5,000 rows
        }
        Files.writeString(Path.of("target", "purge-plans-h2.txt"), String.join("\n\n", plans) + "\n");
    }

    @Test
    void onPostgresEachBatchReadsItsIndexInOrder() throws IOException {
        List<String> plans = plans(TestDatabase.postgres(), "EXPLAIN ");
        assertTrue(plans.get(0).contains("Index Scan using deliveries_by_finished"), plans.get(0));
        assertTrue(plans.get(1).contains("Index Scan using events_by_created"), plans.get(1));
        for (String plan : plans) {
            assertFalse(plan.contains("Sort") || plan.contains("Seq Scan on events")
                    || plan.contains("Seq Scan on deliveries"), plan);
        }
        Files.writeString(Path.of("target", "purge-plans-postgres.txt"), String.join("\n\n", plans) + "\n");
    }

    /**
     * 5,000 events a minute apart; deliveries of the younger 2,500, those up to minute 4,000 finished at their event's
     * minute and the rest pending. The plans of the two batch queries, deliveries first.
     */
    private static List<String> plans(TestDatabase database, String explain) {
        JdbiPersistence persistence = database.empty();
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        persistence.webhooks().insert(webhook);
        boolean h2 = H2Urls.isH2(database.jdbcUrl());
        String series = h2 ? "SYSTEM_RANGE(1, :n) AS g(x)" : "generate_series(1, :n) AS g(x)";
        String minute = "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + x * INTERVAL '1' MINUTE";
        return persistence.jdbi().withHandle(h -> {
            h.createUpdate("INSERT INTO events (id, tenant, event_type, data_json, created_date, fingerprint,"
                            + " delivery_count) SELECT 'evt_plan' || x, 'acme', 'PATIENT_CREATED', '{}', " + minute
                            + ", 'f', 1 FROM " + series)
                    .bind("n", ROWS).execute();
            h.createUpdate("INSERT INTO deliveries (id, tenant, event_id, webhook_id, event_type, status, attempt_count,"
                            + " created_date, last_attempt_date, finished_date)"
                            + " SELECT 'msg_plan' || x, 'acme', 'evt_plan' || x, :webhook, 'PATIENT_CREATED',"
                            + " CASE WHEN x <= 4000 THEN 'DELIVERED' ELSE 'PENDING' END, 1, " + minute + ", "
                            + minute + ", CASE WHEN x <= 4000 THEN " + minute + " END FROM " + series
                            + " WHERE x > 2500")
                    .bind("webhook", webhook.id().value()).bind("n", ROWS).execute();
            h.execute(h2 ? "ANALYZE TABLE deliveries" : "ANALYZE deliveries");
            h.execute(h2 ? "ANALYZE TABLE events" : "ANALYZE events");
            return List.of(JdbiHistoryPurge.OLDEST_FINISHED, JdbiHistoryPurge.OLDEST_UNREFERENCED_EVENTS).stream()
                    .map(sql -> String.join("\n", h.createQuery(explain + sql)
                            .bind("before", SqlTime.of(CUTOFF)).bind("max", BATCH)
                            .mapTo(String.class).list()))
                    .toList();
        });
    }
}
