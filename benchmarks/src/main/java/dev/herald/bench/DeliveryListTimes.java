package dev.herald.bench;

import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.delivery.DeliveryQuery.SortBy;
import dev.herald.domain.delivery.DeliveryQuery.SortDirection;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The delivery list of one webhook over a long history (docs/BENCHMARKS.md, "Delivery list with 1,000,000 finished
 * deliveries"): bulk-loads finished deliveries (with their events and one attempt each) and a small live queue for a
 * few webhooks straight into Herald's tables, then times {@code ForReadingDeliveryLog.list} of one webhook for each
 * query shape.
 * {@code java -cp herald-benchmarks.jar dev.herald.bench.DeliveryListTimes JDBC_URL [DELIVERIES [WEBHOOKS [CALLS]]]}.
 * A database that already holds deliveries is not loaded again, so that a second build (say, after a migration) can
 * be timed on the same rows.
 */
final class DeliveryListTimes {
    private static final TenantId TENANT = new TenantId("acme");
    private static final int PENDING_PER_WEBHOOK = 500;
    private static final int WARM_UP = 5;

    private DeliveryListTimes() {
    }

    public static void main(String[] args) {
        String url = args[0];
        int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int webhooks = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        long start = System.nanoTime();
        try (JdbiPersistence persistence = JdbiPersistence.connect(BulkHistory.patientUrl(url), "", "")) {
            System.out.printf("connected and migrated in %.1f s%n", (System.nanoTime() - start) / 1e9);
            boolean postgres = url.startsWith("jdbc:postgresql:");
            persistence.jdbi().useHandle(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM deliveries").mapTo(Long.class).one() == 0) {
                    load(h, postgres, deliveries / webhooks, webhooks);
                }
            });
            System.out.printf("| query (limit 10, webhooks of %,d deliveries) | p50 ms | p99 ms | max ms |%n",
                    deliveries / webhooks);
            System.out.println("|---|---|---|---|");
            shapes().forEach((name, query) -> {
                long[] nanos = new long[calls];
                for (int i = -WARM_UP; i < calls; i++) {
                    // Each call another webhook than the last: H2 returns a statement's last result again when
                    // nothing changed in between and the values are the same, which a live database never sees.
                    WebhookId webhook = new WebhookId("wh_bulk" + (Math.floorMod(i, webhooks) + 1));
                    long t = System.nanoTime();
                    persistence.deliveryLog().list(TENANT, webhook, query);
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - t;
                    }
                }
                Stats s = Stats.of(nanos);
                System.out.printf("| %s | %.1f | %.1f | %.1f |%n", name, s.p50(), s.p99(), s.max());
            });
        }
    }

    /** The query shapes timed, by name: each order, then filters that match many, few and no rows, then a later page. */
    static Map<String, DeliveryQuery> shapes() {
        Map<String, DeliveryQuery> shapes = new LinkedHashMap<>();
        for (SortBy by : SortBy.values()) {
            for (SortDirection direction : SortDirection.values()) {
                shapes.put("sorted by " + by + " " + direction, query(Optional.empty(), Optional.empty(), by,
                        direction));
            }
        }
        shapes.put("event type PATIENT_UPDATED (1 in 3)", query(Optional.of(EventType.PATIENT_UPDATED),
                Optional.empty(), SortBy.CREATED_DATE, SortDirection.DESC));
        shapes.put("event type PAYMENT_FAILED (1 in 50)", query(Optional.of(EventType.PAYMENT_FAILED),
                Optional.empty(), SortBy.CREATED_DATE, SortDirection.DESC));
        shapes.put("event type PAYMENT_FAILED, by delivered date", query(Optional.of(EventType.PAYMENT_FAILED),
                Optional.empty(), SortBy.DELIVERED_DATE, SortDirection.DESC));
        shapes.put("event type INVOICE_SENT (none)", query(Optional.of(EventType.INVOICE_SENT), Optional.empty(),
                SortBy.CREATED_DATE, SortDirection.DESC));
        shapes.put("last status 500 (1 in 33)", query(Optional.empty(), Optional.of(500), SortBy.CREATED_DATE,
                SortDirection.DESC));
        shapes.put("last status 404 (none)", query(Optional.empty(), Optional.of(404), SortBy.CREATED_DATE,
                SortDirection.DESC));
        shapes.put("page 11 (offset 100), default order", DeliveryQuery.all().withPage(10, 100));
        return shapes;
    }

    private static DeliveryQuery query(Optional<EventType> type, Optional<Integer> status, SortBy by,
                                       SortDirection direction) {
        return new DeliveryQuery(type, Optional.empty(), Optional.empty(), Optional.empty(), status,
                Optional.empty(), Optional.empty(), Optional.empty(), by, direction, DeliveryQuery.DEFAULT_LIMIT, 0);
    }

    /** Tenant {@code acme} and its webhooks, then the history ({@link BulkHistory}) with a small live queue. */
    private static void load(Handle h, boolean postgres, int perWebhook, int webhooks) {
        h.execute("INSERT INTO tenants (name, key_hash) VALUES ('acme', 'bench')");
        List<String> ids = new ArrayList<>();
        for (int w = 1; w <= webhooks; w++) {
            ids.add("wh_bulk" + w);
            h.execute("INSERT INTO webhooks (id, tenant, url, event_types, secret, created_date, archived)"
                    + " VALUES ('wh_bulk" + w + "', 'acme', 'https://example.com/" + w + "',"
                    + " 'PATIENT_CREATED,PATIENT_UPDATED,PAYMENT_FAILED', 'whsec_bench',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', FALSE)");
        }
        BulkHistory.load(h, postgres, "acme", ids, perWebhook, PENDING_PER_WEBHOOK);
    }
}
