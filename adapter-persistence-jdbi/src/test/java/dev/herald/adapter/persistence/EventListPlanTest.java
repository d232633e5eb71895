package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.ListPosition;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.event.EventQuery.SortDirection;
import dev.herald.domain.event.EventQuery;
import dev.herald.domain.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every shape of the event history (each direction, with and without an event type, from the start and from a
 * position deep in the history) reads an index of V7 in the list's order and never sorts the tenant's events
 * (docs/DECISIONS.md, "The event history and cursor paging"), and on H2 reads about a page's rows, not the tenant's.
 * Writes the plans to target/.
 */
class EventListPlanTest {
    private static final int EVENTS = 5_000;
    /** A page and the row after it, three times over for the event type's filter (one event in three). */
    private static final int MOST_ROWS_READ = 4 * (DeliveryQuery.DEFAULT_LIMIT + 1);

    @Test
    void onH2EachShapeReadsItsIndexInOrder() throws IOException {
        List<String> plans = plans(TestDatabase.h2InMemory(), "EXPLAIN ANALYZE ");
        plans.forEach(plan -> {
            assertEquals(1, QueryPlans.count(plan, "/\\* index sorted \\*/"), plan);
            assertFalse(plan.contains("index sorted:"), plan);
            QueryPlans.scanCounts(plan).forEach(rows -> assertTrue(rows <= MOST_ROWS_READ, plan));
        });
        Files.writeString(Path.of("target", "event-list-plans-h2.txt"), String.join("\n\n", plans) + "\n");
    }

    @Test
    void onPostgresEachShapeReadsItsIndexInOrder() throws IOException {
        List<String> plans = plans(TestDatabase.postgres(), "EXPLAIN ");
        plans.forEach(plan -> {
            assertFalse(plan.contains("Seq Scan") || plan.contains("Bitmap") || plan.contains("Sort"), plan);
            assertEquals(1, QueryPlans.count(plan, "Index Scan"), plan);
        });
        Files.writeString(Path.of("target", "event-list-plans-postgres.txt"), String.join("\n\n", plans) + "\n");
    }

    private static List<String> plans(TestDatabase database, String explain) {
        load(database);
        List<String> plans = new ArrayList<>();
        for (SortDirection direction : SortDirection.values()) {
            for (Optional<EventType> type : List.of(Optional.<EventType>empty(),
                    Optional.of(EventType.PATIENT_UPDATED))) {
                EventQuery query = new EventQuery(type, Optional.empty(), Optional.empty(), direction,
                        DeliveryQuery.DEFAULT_LIMIT, Optional.empty());
                String shape = "-- " + direction + type.map(t -> ", event type " + t).orElse("");
                plans.add(plan(database, explain, query, shape));
                ListPosition deep = database.persistence().events().list(ACME, query.withLimit(1000)).next()
                        .orElseThrow();
                plans.add(plan(database, explain, query.after(deep), shape + ", after the 1000th"));
            }
        }
        return plans;
    }

    private static String plan(TestDatabase database, String explain, EventQuery query, String shape) {
        EventListSql.Statement statement = EventListSql.statement(ACME, query);
        String plan = database.persistence().jdbi().withHandle(h -> String.join("\n",
                h.createQuery(explain + statement.sql()).bindMap(statement.values()).mapTo(String.class).list()));
        String index = query.eventType().isPresent() ? "events_by_tenant_type" : "events_by_tenant_created";
        assertEquals(1, QueryPlans.count(plan, "\\b" + index + "\\b"), shape + "\n" + plan);
        return shape + "\n" + plan;
    }

    /**
     * Empties the database and writes {@code EVENTS} events of ACME straight into {@code events}, every fourth sharing
     * its minute with the next (ties), one in three of the type PATIENT_UPDATED, and as many of another tenant.
     */
    private static void load(TestDatabase database) {
        JdbiPersistence persistence = database.empty();
        boolean h2 = H2Urls.isH2(database.jdbcUrl());
        String series = h2 ? "SYSTEM_RANGE(1, :n) AS g(x)" : "generate_series(1, :n) AS g(x)";
        persistence.jdbi().useHandle(h -> {
            for (String tenant : List.of("acme", "globex")) {
                h.createUpdate("INSERT INTO events (id, tenant, event_type, data_json, created_date, fingerprint,"
                                + " delivery_count)"
                                + " SELECT 'evt_many' || :tenant || x, :tenant,"
                                + " CASE WHEN MOD(x, 3) = 0 THEN 'PATIENT_UPDATED' ELSE 'PATIENT_CREATED' END,"
                                + " '{}', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                                + " + (x / 4) * INTERVAL '1' MINUTE, 'f', 1"
                                + " FROM " + series)
                        .bind("tenant", tenant)
                        .bind("n", EVENTS)
                        .execute();
            }
            h.execute(h2 ? "ANALYZE TABLE events" : "ANALYZE events");
        });
    }

}
