package dev.herald.adapter.persistence;

import static dev.herald.application.contract.ContractFixtures.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.domain.Page;
import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryQuery.SortBy;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.event.EventType;
import dev.herald.domain.webhook.WebhookId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The list read through the indexes (docs/DECISIONS.md, "The delivery list reads an index in its order") returns
 * exactly the rows, in exactly the order, of the one plain statement it replaced: sorted date NULLS LAST, then seq,
 * both in the sort's direction. Over every sort, a few filters and pages on both sides of the rows without the date,
 * by offset and page after page from each page's end.
 */
class DeliveryListSameRowsTest {
    private static final int DELIVERIES = 400;
    private static final List<int[]> PAGES = List.of(new int[] {10, 0}, new int[] {7, 75}, new int[] {25, 300},
            new int[] {20, 335}, new int[] {30, 100}, new int[] {10, 395}, new int[] {1000, 0}, new int[] {5, 400});

    @Test
    void onH2() {
        sameRowsEverywhere(TestDatabase.h2InMemory());
    }

    @Test
    void onPostgres() {
        sameRowsEverywhere(TestDatabase.postgres());
    }

    private static void sameRowsEverywhere(TestDatabase database) {
        WebhookId webhook = ManyDeliveries.load(database, DELIVERIES);
        database.persistence().jdbi().useHandle(h -> {
            for (SortBy by : SortBy.values()) {
                for (SortDirection direction : SortDirection.values()) {
                    for (Filter filter : Filter.values()) {
                        for (int[] page : PAGES) {
                            DeliveryQuery query = filter.query(by, direction, page[0], page[1]);
                            List<String> expected = plainStatement(h, webhook, filter, query);
                            List<String> listed = ids(DeliveryListSql.page(h, ACME, webhook, query).items());
                            assertEquals(expected, listed, by + " " + direction + " " + filter + " limit "
                                    + page[0] + " offset " + page[1]);
                        }
                        // Page after page from each page's end (a cursor, docs/API.md §10): every row once, in order.
                        DeliveryQuery all = filter.query(by, direction, DeliveryQuery.MAX_LIMIT, 0);
                        List<String> walked = new ArrayList<>();
                        Page<Delivery> page = DeliveryListSql.page(h, ACME, webhook, all.withPage(7, 0));
                        walked.addAll(ids(page.items()));
                        while (page.next().isPresent()) {
                            page = DeliveryListSql.page(h, ACME, webhook, all.withPage(7, 0).after(page.next().get()));
                            walked.addAll(ids(page.items()));
                        }
                        assertEquals(plainStatement(h, webhook, filter, all), walked,
                                by + " " + direction + " " + filter + " by positions");
                    }
                }
            }
        });
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> d.id().value()).toList();
    }

    /** The filters whose conditions change which parts and rows the list reads. */
    private enum Filter {
        NONE(""), EVENT_TYPE(" AND event_type = 'PATIENT_UPDATED'"), LAST_STATUS(" AND last_attempt_status = 500"),
        UNDELIVERED(" AND delivered_date IS NULL");

        private final String condition;

        Filter(String condition) {
            this.condition = condition;
        }

        DeliveryQuery query(SortBy by, SortDirection direction, int limit, int offset) {
            return new DeliveryQuery(this == EVENT_TYPE ? Optional.of(EventType.PATIENT_UPDATED) : Optional.empty(),
                    this == UNDELIVERED ? Optional.of(false) : Optional.empty(), Optional.empty(), Optional.empty(),
                    this == LAST_STATUS ? Optional.of(500) : Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), by, direction, limit, offset);
        }
    }

    /** The list as it was read before V5: one statement, the whole webhook sorted. */
    private static List<String> plainStatement(Handle h, WebhookId webhook, Filter filter, DeliveryQuery query) {
        String column = switch (query.sortBy()) {
            case CREATED_DATE -> "created_date";
            case DELIVERED_DATE -> "delivered_date";
            case LAST_DELIVERY_ATTEMPT_DATE -> "last_attempt_date";
        };
        String direction = query.sortDirection().name();
        return h.createQuery("SELECT id FROM deliveries WHERE tenant = 'acme' AND webhook_id = :webhook"
                        + filter.condition + " ORDER BY " + column + " " + direction + " NULLS LAST, seq " + direction
                        + " LIMIT :limit OFFSET :offset")
                .bind("webhook", webhook.value())
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .mapTo(String.class)
                .list();
    }
}
