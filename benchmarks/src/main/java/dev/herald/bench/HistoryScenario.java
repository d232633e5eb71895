package dev.herald.bench;

import static dev.herald.bench.SectionRows.row;

import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.delivery.DeliveryQuery;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.WebhookId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Whether cost follows pending work or history: the same work measured on an empty database and on one holding
 * HERALD_BENCH_HISTORY_ROWS finished deliveries of the same tenant's 5 webhooks ({@link BulkHistory}). An embedded
 * Herald with a no-op sender ({@link NoNetworkHerald}), so that only the database work is timed: single publishes
 * one after another, the drain of a backlog, and the delivery list of one webhook in the shapes of
 * {@link DeliveryListTimes}.
 */
final class HistoryScenario {
    static final int WEBHOOKS = 5;
    static final int SINGLE_PUBLISHES = 500;
    /** Events waiting when delivery starts: the single publishes and as many more again as it takes. */
    static final int BACKLOG_EVENTS = 2_000;
    private static final int WARM_UP_EVENTS = 200;
    private static final int LIST_WARM_UP = 5;
    private static final int LIST_CALLS = 50;
    private static final String TENANT = "history";

    /** One database in one state: {@code history} finished deliveries loaded (0: empty). */
    record Result(String database, int history, double loadSeconds, double startMillis, Stats publish,
                  double drainPerSecond, int drained, Map<String, Stats> list) {
    }

    private HistoryScenario() {
    }

    /**
     * Empty, then with the history, each on a fresh H2 file (deleted after) and, when PostgreSQL is measured, on
     * freshly dropped tables.
     */
    static List<Result> runAll(BenchSettings settings, Path work) throws Exception {
        List<Result> results = new ArrayList<>();
        List<Integer> states = List.of(0, settings.historyRows());
        for (int rows : states) {
            String name = "history-h2-" + rows;
            results.add(run("H2", BenchDatabases.h2Url(work, name), rows));
            BenchDatabases.deleteFiles(work.resolve(name));
        }
        if (settings.measuresPostgres()) {
            for (int rows : states) {
                BenchDatabases.freshPostgres(settings.pgUrl());
                results.add(run("PostgreSQL", settings.pgUrl(), rows));
            }
            BenchDatabases.freshPostgres(settings.pgUrl()); // a million rows are not left behind
        }
        return results;
    }

    private static Result run(String database, String dbUrl, int rows) throws Exception {
        System.out.printf("%s: history, %s...%n", database, state(rows));
        AtomicInteger sent = new AtomicInteger();
        // The tenant and its webhooks are made as any are; only the history is written straight into the tables.
        BulkHistory.Seeded seeded = BulkHistory.seed(dbUrl, TENANT,
                List.of("PATIENT_CREATED", "PATIENT_UPDATED", "PAYMENT_FAILED"), WEBHOOKS, rows);
        TenantId tenant = seeded.tenant();
        List<String> webhooks = seeded.webhookIds();
        double loadSeconds = seeded.loadSeconds();
        try (Herald herald = NoNetworkHerald.on(dbUrl, sent)) {
            herald.startDelivering();
            QueueCeiling.publish(herald, tenant, 0, WARM_UP_EVENTS);
            awaitSent(sent, WARM_UP_EVENTS * WEBHOOKS);
            herald.stopDelivering(Duration.ofSeconds(20));

            long[] publishes = new long[SINGLE_PUBLISHES];
            for (int i = 0; i < SINGLE_PUBLISHES; i++) {
                long t = System.nanoTime();
                herald.events().publish(tenant, PublishEvent.of(type(i), "{\"seq\":" + i + ",\"patientId\":\"p-" + i
                        + "\"}"));
                publishes[i] = System.nanoTime() - t;
            }
            QueueCeiling.publish(herald, tenant, SINGLE_PUBLISHES, BACKLOG_EVENTS - SINGLE_PUBLISHES);
            sent.set(0);
            long t0 = System.nanoTime();
            herald.startDelivering();
            long t1 = System.nanoTime();
            long last = awaitSent(sent, BACKLOG_EVENTS * WEBHOOKS);
            double drain = sent.get() / ((last - t1) / 1e9);

            Map<String, Stats> list = new LinkedHashMap<>();
            DeliveryListTimes.shapes().forEach((shape, query) -> list.put(shape, listTimes(herald, tenant, webhooks,
                    query)));
            Result result = new Result(database, rows, loadSeconds, (t1 - t0) / 1e6, Stats.of(publishes), drain,
                    sent.get(), list);
            System.out.printf("    start %.0f ms; publish p50 %.1f p99 %.1f ms; drained %d/%d at %.0f deliveries/s; "
                            + "list (default order) p50 %.1f p99 %.1f ms%n", result.startMillis(),
                    result.publish().p50(), result.publish().p99(), sent.get(), BACKLOG_EVENTS * WEBHOOKS, drain,
                    list.get("sorted by CREATED_DATE DESC").p50(), list.get("sorted by CREATED_DATE DESC").p99());
            return result;
        }
    }

    /** PAYMENT_FAILED one in 50, PATIENT_UPDATED one in 3, else PATIENT_CREATED, as in the history. */
    private static String type(int i) {
        return i % 50 == 0 ? "PAYMENT_FAILED" : i % 3 == 0 ? "PATIENT_UPDATED" : "PATIENT_CREATED";
    }

    private static Stats listTimes(Herald herald, TenantId tenant, List<String> webhooks, DeliveryQuery query) {
        long[] nanos = new long[LIST_CALLS];
        for (int i = -LIST_WARM_UP; i < LIST_CALLS; i++) {
            // Another webhook each call: H2 hands back a statement's last result when nothing changed in between
            // (see DeliveryListTimes).
            WebhookId webhook = new WebhookId(webhooks.get(Math.floorMod(i, WEBHOOKS)));
            long t = System.nanoTime();
            try (Stream<?> page = herald.deliveries().list(tenant, webhook, query)) {
                page.forEach(view -> { });
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        return Stats.of(nanos);
    }

    /** Waits until {@code expected} sends happened; the time of the check that saw the last of them. */
    private static long awaitSent(AtomicInteger sent, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (sent.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    private static String state(int rows) {
        if (rows == 0) {
            return "empty";
        }
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + " M finished" : String.format("%,d finished", rows);
    }

    /** The scenario's section of the results: a column per database and state, a row per measure. */
    static String table(List<Result> results) {
        StringBuilder t = new StringBuilder("| history: the same work without and with finished deliveries of the "
                + "same 5 webhooks (embedded Herald, no-op sender) |");
        results.forEach(r -> t.append(' ').append(r.database()).append(' ').append(state(r.history())).append(" |"));
        t.append("\n|---|").append("---|".repeat(results.size())).append('\n');
        row(t, results, "bulk load of the history (rows written straight into the tables), s",
                r -> r.history() == 0 ? "-" : String.format("%.0f", r.loadSeconds()));
        row(t, results, "start of delivery (on an H2 file: rebuilds the queue from the delivery log), ms",
                r -> String.format("%.0f", r.startMillis()));
        row(t, results, "publish, " + SINGLE_PUBLISHES + " single calls one after another, p50 / p99 ms",
                r -> String.format("%.1f / %.1f", r.publish().p50(), r.publish().p99()));
        row(t, results, String.format("drain of a backlog of %,d events x %d webhooks, deliveries/s", BACKLOG_EVENTS,
                WEBHOOKS), r -> String.format("%.0f (%d/%d)", r.drainPerSecond(), r.drained(),
                BACKLOG_EVENTS * WEBHOOKS));
        for (String shape : DeliveryListTimes.shapes().keySet()) {
            row(t, results, "delivery list of one webhook (limit 10), " + shape + ", p50 / p99 ms",
                    r -> String.format("%.1f / %.1f", r.list().get(shape).p50(), r.list().get(shape).p99()));
        }
        return t.append('\n').toString();
    }
}
