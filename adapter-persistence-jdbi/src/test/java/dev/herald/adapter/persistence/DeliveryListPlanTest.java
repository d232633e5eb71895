package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.ListPosition;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryQuery.SortBy;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.WebhookId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every shape of the delivery list (each sort column and direction, with and without an event type) reads an index
 * in the list's order and never sorts the webhook's rows (docs/DECISIONS.md, "The delivery list reads an index in
 * its order"), and on H2 reads about a page's rows, not the webhook's. Writes the plans to target/.
 */
class DeliveryListPlanTest {
    private static final int DELIVERIES = 5_000;
    private static final int OFFSET = 20;
    private static final int PAGE_END = DeliveryQuery.DEFAULT_LIMIT + OFFSET;
    /** A page's end, three times over for the event type's filter (one delivery in three): not the webhook's 5,000. */
    private static final int MOST_ROWS_READ = 4 * PAGE_END;
    /**
     * From a position, the read starts at the first row of the position's date and steps over those of its rows the
     * page already had: at most the rows sharing one date (ManyDeliveries has up to 125), never the history.
     */
    private static final int MOST_ROWS_READ_AFTER_A_POSITION = MOST_ROWS_READ + 125;

    @Test
    void onH2EachShapeReadsItsIndexInOrder() throws IOException {
        List<String> plans = plans(TestDatabase.h2InMemory(), "EXPLAIN ANALYZE ");
        plans.forEach(plan -> {
            int parts = QueryPlans.count(plan, "\\bUNION ALL\\b") + 1;
            assertEquals(parts, QueryPlans.count(plan, "/\\* index sorted \\*/"), plan);
            assertFalse(plan.contains("index sorted:"), plan); // sorted by a prefix only: the rest is sorted
            // In order is not enough: a read that starts at the wrong end steps over rows before the first it keeps.
            int most = plan.contains(", after the ") ? MOST_ROWS_READ_AFTER_A_POSITION : MOST_ROWS_READ;
            QueryPlans.scanCounts(plan).forEach(rows -> assertTrue(rows <= most, plan));
        });
        Files.writeString(Path.of("target", "delivery-list-plans-h2.txt"), String.join("\n\n", plans) + "\n");
    }

    @Test
    void onPostgresEachShapeReadsItsIndexInOrder() throws IOException {
        List<String> plans = plans(TestDatabase.postgres(), "EXPLAIN ");
        plans.forEach(plan -> {
            // A page after an undated position has one part.
            int parts = QueryPlans.count(plan, "Append") == 0 ? 1 : 2;
            assertFalse(plan.contains("Seq Scan") || plan.contains("Bitmap"), plan);
            assertEquals(parts, QueryPlans.count(plan, "Index Scan"), plan);
            // The two parts of a list by a missing-or-not date are merged by one sort of their few rows, no other.
            assertEquals(parts - 1, QueryPlans.count(plan, "Sort  \\("), plan);
            assertFalse(plan.contains("Incremental Sort"), plan);
            assertTrue(parts == 1 || plan.indexOf("Sort  (") < plan.indexOf("Append"), plan);
        });
        Files.writeString(Path.of("target", "delivery-list-plans-postgres.txt"), String.join("\n\n", plans) + "\n");
    }

    /** The plan of every shape, each headed by its shape; asserts the index each shape should read. */
    private static List<String> plans(TestDatabase database, String explain) {
        WebhookId webhook = ManyDeliveries.load(database, DELIVERIES);
        List<String> plans = new ArrayList<>();
        for (SortBy by : SortBy.values()) {
            for (SortDirection direction : SortDirection.values()) {
                for (Optional<EventType> type : List.of(Optional.<EventType>empty(),
                        Optional.of(EventType.PATIENT_UPDATED))) {
                    DeliveryQuery query = new DeliveryQuery(type, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            by, direction, DeliveryQuery.DEFAULT_LIMIT, OFFSET);
                    String shape = "-- " + by + " " + direction + type.map(t -> ", event type " + t).orElse("");
                    plans.add(plan(database, explain, webhook, query, shape, by == SortBy.CREATED_DATE ? 1 : 2));
                    // A page from a position deep in the history (a cursor, docs/API.md §10) reads as little.
                    DeliveryQuery fromStart = query.withPage(DeliveryQuery.DEFAULT_LIMIT, 0);
                    int deep = type.isEmpty() ? 1000 : 0; // one delivery in three has the type
                    ListPosition dated = positionAfter(database, webhook, query.withPage(1000, deep));
                    plans.add(plan(database, explain, webhook, fromStart.after(dated),
                            shape + ", after the " + (deep + 1000) + "th", by == SortBy.CREATED_DATE ? 1 : 2));
                    if (by != SortBy.CREATED_DATE && type.isEmpty()) {
                        ListPosition undated = positionAfter(database, webhook, query.withPage(1000, 3700));
                        assertTrue(undated.date().isEmpty(), shape);
                        plans.add(plan(database, explain, webhook, fromStart.after(undated),
                                shape + ", after the 4700th (no date)", 1));
                    }
                }
            }
        }
        return plans;
    }

    private static String plan(TestDatabase database, String explain, WebhookId webhook, DeliveryQuery query,
                               String shape, int parts) {
        DeliveryListSql.Statement statement = DeliveryListSql.statement(ACME, webhook, query);
        String plan = database.persistence().jdbi().withHandle(h -> String.join("\n",
                h.createQuery(explain + statement.sql()).bindMap(statement.values()).mapTo(String.class).list()));
        String index = expectedIndex(query.sortBy(), query.eventType().isPresent());
        assertEquals(parts, QueryPlans.count(plan, "\\b" + index + "\\b"), shape + "\n" + plan);
        return shape + "\n" + plan;
    }

    /** Where the page of {@code query} ends. */
    private static ListPosition positionAfter(TestDatabase database, WebhookId webhook, DeliveryQuery query) {
        return database.persistence().jdbi().withHandle(h -> DeliveryListSql.page(h, ACME, webhook, query))
                .next().orElseThrow();
    }

    private static String expectedIndex(SortBy by, boolean oneEventType) {
        return switch (by) {
            case CREATED_DATE -> oneEventType ? "deliveries_by_webhook_type" : "deliveries_by_webhook_created";
            case DELIVERED_DATE -> "deliveries_by_webhook_delivered";
            case LAST_DELIVERY_ATTEMPT_DATE -> "deliveries_by_webhook_attempted";
        };
    }

}
