package dev.herald.bench;

import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;

/**
 * A long delivery history written straight into Herald's tables with a few {@code INSERT … SELECT} over a number
 * series (minutes for a million rows, where publishing them would take hours): finished deliveries with their events
 * and one attempt each, and optionally a few newer deliveries waiting in the queue, for webhooks that already exist.
 * Used by {@link DeliveryListTimes}, {@link HistoryScenario} and {@link PurgeScenario}.
 */
final class BulkHistory {
    private static final String TYPE_OF_X = "CASE WHEN MOD(x, 50) = 0 THEN 'PAYMENT_FAILED'"
            + " WHEN MOD(x, 3) = 0 THEN 'PATIENT_UPDATED' ELSE 'PATIENT_CREATED' END";

    private BulkHistory() {
    }

    /** A tenant, its webhooks' ids, and how long the history took to load (seconds). */
    record Seeded(TenantId tenant, List<String> webhookIds, double loadSeconds) {
    }

    /**
     * A tenant named {@code tenant} with {@code webhooks} webhooks for {@code types}, made as any are (through an
     * embedded Herald), then {@code rows} finished deliveries of them written straight into the tables.
     */
    static Seeded seed(String dbUrl, String tenant, List<String> types, int webhooks, int rows) {
        TenantId id;
        List<String> webhookIds = new ArrayList<>();
        try (Herald herald = NoNetworkHerald.on(dbUrl, new AtomicInteger())) {
            id = herald.tenants().createTenant(tenant).tenant();
            for (int i = 0; i < webhooks; i++) {
                String url = "http://127.0.0.1:9/" + tenant + "/" + i;
                webhookIds.add(herald.webhooks().create(id, new CreateWebhook(url, types, null)).id().value());
            }
        }
        double loadSeconds = 0;
        if (rows > 0) {
            long start = System.nanoTime();
            try (JdbiPersistence persistence = JdbiPersistence.connect(patientUrl(dbUrl), "", "")) {
                persistence.jdbi().useHandle(h -> load(h, dbUrl.startsWith("jdbc:postgresql:"), tenant, webhookIds,
                        rows / webhooks, 0));
            }
            loadSeconds = (System.nanoTime() - start) / 1e9;
        }
        return new Seeded(id, webhookIds, loadSeconds);
    }

    /**
     * A URL for loading: PostgreSQL's without Herald's 10 s socket timeout (a statement writing a million rows takes
     * longer, and is not an outage), unless the URL sets one.
     */
    static String patientUrl(String dbUrl) {
        if (!dbUrl.startsWith("jdbc:postgresql:") || dbUrl.contains("socketTimeout=")) {
            return dbUrl;
        }
        return dbUrl + (dbUrl.contains("?") ? "&" : "?") + "socketTimeout=0";
    }

    /**
     * {@code perWebhook} events a second apart from 2026-01-01, each delivered to every one of {@code webhookIds}
     * (all of {@code tenant}): one in 33 failed with a 500, the rest delivered a second after creation; event types
     * PAYMENT_FAILED one in 50, PATIENT_UPDATED one in 3, else PATIENT_CREATED. Then {@code pendingPerWebhook} newer
     * events per webhook waiting in the queue, never tried. Ends with ANALYZE, as a database that grew would have it.
     */
    static void load(Handle h, boolean postgres, String tenant, List<String> webhookIds, int perWebhook,
                     int pendingPerWebhook) {
        long start = System.nanoTime();
        String series = postgres ? "generate_series(1, %d) AS g(x)" : "SYSTEM_RANGE(1, %d) AS g(x)";
        String at = "(TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + x * INTERVAL '1' SECOND)";
        int webhooks = webhookIds.size();
        int events = perWebhook + pendingPerWebhook;
        h.execute("INSERT INTO events (id, tenant, event_type, data_json, created_date, fingerprint, delivery_count)"
                + " SELECT 'evt_bulk' || x, '" + tenant + "', " + TYPE_OF_X + ", '{\"n\":1}', " + at + ","
                + " 'bench', " + webhooks + " FROM " + series.formatted(events));
        for (int w = 1; w <= webhooks; w++) {
            String webhook = webhookIds.get(w - 1);
            h.execute("INSERT INTO deliveries (id, tenant, event_id, webhook_id, event_type, status, attempt_count,"
                    + " created_date, delivered_date, finished_date, last_attempt_number, last_attempt_date,"
                    + " last_attempt_status, last_attempt_duration_ms)"
                    + " SELECT 'msg_bulk" + w + "x' || x, '" + tenant + "', 'evt_bulk' || x, '" + webhook + "',"
                    + " " + TYPE_OF_X + ", CASE WHEN MOD(x, 33) = 0 THEN 'FAILED' ELSE 'DELIVERED' END,"
                    + " 1, " + at + ", CASE WHEN MOD(x, 33) = 0 THEN NULL ELSE " + at + " + INTERVAL '1' SECOND END,"
                    + " " + at + " + INTERVAL '1' SECOND,"
                    + " 1, " + at + " + INTERVAL '1' SECOND, CASE WHEN MOD(x, 33) = 0 THEN 500 ELSE 200 END, 12"
                    + " FROM " + series.formatted(perWebhook));
            if (pendingPerWebhook > 0) {
                h.execute("INSERT INTO deliveries (id, tenant, event_id, webhook_id, event_type, status,"
                        + " attempt_count, created_date, next_attempt_date)"
                        + " SELECT 'msg_bulk" + w + "x' || x, '" + tenant + "', 'evt_bulk' || x, '" + webhook + "',"
                        + " " + TYPE_OF_X + ", 'PENDING', 0, " + at + ", " + at
                        + " FROM " + series.formatted(events) + " WHERE x > " + perWebhook);
                h.execute("INSERT INTO delivery_queue (delivery_id, webhook_id, due_at)"
                        + " SELECT 'msg_bulk" + w + "x' || x, '" + webhook + "', " + at
                        + " FROM " + series.formatted(events) + " WHERE x > " + perWebhook);
            }
            System.out.printf("    webhook %d of %d loaded (%.0f s)%s%n", w, webhooks,
                    (System.nanoTime() - start) / 1e9, w == webhooks ? "" : "...");
        }
        h.execute("INSERT INTO attempts (delivery_id, attempt_number, attempt_date, http_status, duration_ms)"
                + " SELECT id, 1, last_attempt_date, last_attempt_status, 12 FROM deliveries"
                + " WHERE last_attempt_date IS NOT NULL");
        h.execute("ANALYZE");
        System.out.printf("    loaded %,d finished deliveries (%d webhooks) and %,d pending in %.0f s%n",
                (long) perWebhook * webhooks, webhooks, (long) pendingPerWebhook * webhooks,
                (System.nanoTime() - start) / 1e9);
    }
}
