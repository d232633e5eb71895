package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static dev.herald.application.contract.ContractFixtures.concurrently;
import static dev.herald.application.contract.ContractFixtures.minutes;
import static dev.herald.application.contract.ContractFixtures.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.application.service.HistoryPurge;
import dev.herald.application.service.HistoryPurge.Round;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, nodes with pools of their own purging at the same moment (docs/API.md §8.4) delete each row once
 * between them, and none fails.
 */
class PostgresPurgeRaceTest {
    private static final int DELIVERIES = 2_000;
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void racingPurgesDeleteEachRowOnceAndFailNothing() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        JdbiPersistence first = database.empty();
        loadOldHistory(first);
        try (JdbiPersistence second = JdbiPersistence.connect(database.jdbcUrl(), "", "")) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            List<HistoryPurge> nodes = List.of(first, second).stream()
                    .map(p -> new HistoryPurge(p.history(), clock, Duration.ofDays(30), 100, Duration.ZERO))
                    .toList();
            AtomicInteger turn = new AtomicInteger();

            List<Round> rounds = concurrently(4, () -> nodes.get(turn.getAndIncrement() % 2).purgeOnce());
            Round more = nodes.get(0).purgeOnce(); // whatever a round cut short by the others left

            assertEquals(DELIVERIES, rounds.stream().mapToInt(Round::deliveries).sum() + more.deliveries(),
                    rounds.toString());
            assertEquals(2 * DELIVERIES, rounds.stream().mapToInt(Round::attempts).sum() + more.attempts());
            assertEquals(DELIVERIES + 1, rounds.stream().mapToInt(Round::events).sum() + more.events());
            first.jdbi().useHandle(h -> {
                for (String table : List.of("attempts", "deliveries", "events")) {
                    assertEquals(1, h.createQuery("SELECT COUNT(*) + 1 FROM " + table).mapTo(Integer.class).one(),
                            table);
                }
            });
        }
    }

    /**
     * Deliveries finished 40 days before now, each with its event and two attempts, and an event no webhook was
     * subscribed to.
     */
    private static void loadOldHistory(JdbiPersistence persistence) {
        Webhook webhook = webhook(ACME, minutes(0), EventType.PATIENT_CREATED);
        persistence.webhooks().insert(webhook);
        String old = "TIMESTAMP WITH TIME ZONE '2026-01-20 00:00:00+00' + x * INTERVAL '1' SECOND";
        persistence.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO events (id, tenant, event_type, data_json, created_date, fingerprint,"
                            + " delivery_count) SELECT 'evt_race' || x, 'acme', 'PATIENT_CREATED', '{}', " + old
                            + ", 'f', 1 FROM generate_series(0, :n) AS g(x)")
                    .bind("n", DELIVERIES).execute();
            h.createUpdate("INSERT INTO deliveries (id, tenant, event_id, webhook_id, event_type, status,"
                            + " attempt_count, created_date, last_attempt_date, finished_date)"
                            + " SELECT 'msg_race' || x, 'acme', 'evt_race' || x, :webhook, 'PATIENT_CREATED',"
                            + " 'FAILED', 2, " + old + ", " + old + ", " + old + " FROM generate_series(1, :n) AS g(x)")
                    .bind("webhook", webhook.id().value()).bind("n", DELIVERIES).execute();
            h.createUpdate("INSERT INTO attempts (delivery_id, attempt_number, attempt_date, http_status, duration_ms)"
                    + " SELECT 'msg_race' || x, a, " + old + ", 500, 10"
                    + " FROM generate_series(1, :n) AS g(x) CROSS JOIN generate_series(1, 2) AS n(a)")
                    .bind("n", DELIVERIES).execute();
        });
    }
}
