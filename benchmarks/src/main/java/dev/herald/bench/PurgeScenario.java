package dev.herald.bench;

import static dev.herald.bench.SectionRows.row;

import dev.herald.adapter.persistence.JdbiPersistence;
import dev.herald.application.service.HistoryPurge;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Retention under load (docs/API.md §8.4): HERALD_BENCH_HISTORY_ROWS finished deliveries, all past the 30-day
 * retention ({@link BulkHistory} dates them in January 2026), purged in one round while the same embedded Herald
 * (no-op sender) publishes and delivers rounds of events as fast as it can. Reports the purge's rate and what it cost
 * the delivery rounds, against the same rounds on the same database just before and just after it.
 */
final class PurgeScenario {
    static final int WEBHOOKS = 5;
    /** One round: this many events published by 8 threads, each delivered to every webhook. */
    static final int ROUND_EVENTS = 1_000;
    /** Rounds without a purge, before it and again after it. */
    private static final int BASELINE_ROUNDS = 4;
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String TENANT = "purge";

    /**
     * One database: rounds without a purge (deliveries/s; half just before it, half just after, so that a drift of
     * the shared machine weighs on both sides), rounds during the purge, and what the purge did.
     */
    record Result(String database, int history, List<Double> without, List<Double> during, double purgeSeconds,
                  HistoryPurge.Round purged, long bytesBefore, long bytesAfter) {
        double withoutMean() {
            return without.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double duringMean() {
            return during.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double drop() {
            return 1 - duringMean() / withoutMean();
        }
    }

    private PurgeScenario() {
    }

    /** On a fresh H2 file (deleted after) and, when PostgreSQL is measured, on freshly dropped tables. */
    static List<Result> runAll(BenchSettings settings, Path work) throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(run("H2", BenchDatabases.h2Url(work, "purge-h2"), settings.historyRows()));
        BenchDatabases.deleteFiles(work.resolve("purge-h2"));
        if (settings.measuresPostgres()) {
            BenchDatabases.freshPostgres(settings.pgUrl());
            results.add(run("PostgreSQL", settings.pgUrl(), settings.historyRows()));
            BenchDatabases.freshPostgres(settings.pgUrl());
        }
        return results;
    }

    private static Result run(String database, String dbUrl, int rows) throws Exception {
        System.out.printf("%s: purge of %,d finished deliveries while delivering...%n", database, rows);
        AtomicInteger sent = new AtomicInteger();
        TenantId tenant = BulkHistory.seed(dbUrl, TENANT, List.of("PATIENT_CREATED"), WEBHOOKS, rows).tenant();
        long bytesBefore = BenchDatabases.diskBytes(dbUrl);
        List<Double> without = new ArrayList<>();
        List<Double> during = new ArrayList<>();
        long purgeNanos;
        HistoryPurge.Round purged;
        // Herald's own rounds keep ten years (they find nothing), so that the one measured round, through a pool of
        // its own on the same database, is the only one deleting: two rounds at once would end each other's early.
        try (Herald herald = NoNetworkHerald.on(dbUrl, sent, Duration.ofDays(3650));
             JdbiPersistence purging = JdbiPersistence.connect(dbUrl, "", "")) {
            HistoryPurge retention = new HistoryPurge(purging.history(), Clock.systemUTC(), RETENTION);
            herald.startDelivering();
            int[] next = {0};
            Supplier<Double> round = () -> deliveriesPerSecond(herald, tenant, sent, next);
            round.get(); // warm-up
            for (int i = 0; i < BASELINE_ROUNDS; i++) {
                without.add(round.get());
            }
            long purgeStarted = System.nanoTime();
            CompletableFuture<HistoryPurge.Round> purge = CompletableFuture.supplyAsync(retention::purgeOnce);
            while (!purge.isDone()) {
                during.add(round.get());
            }
            purged = purge.get();
            purgeNanos = System.nanoTime() - purgeStarted;
            for (int i = 0; i < BASELINE_ROUNDS; i++) {
                without.add(round.get());
            }
        }
        long bytesAfter = BenchDatabases.diskBytes(dbUrl);
        Result result = new Result(database, rows, without, during, purgeNanos / 1e9, purged, bytesBefore, bytesAfter);
        System.out.printf("    without a purge %.0f deliveries/s; during it %.0f (%d rounds, %.1f %% less); purged %,d "
                        + "deliveries, %,d attempts, %,d events in %.1f s%n", result.withoutMean(),
                result.duringMean(), during.size(), 100 * result.drop(), purged.deliveries(), purged.attempts(),
                purged.events(), result.purgeSeconds());
        return result;
    }

    /** Publishes one round and waits until every delivery of it was sent: deliveries per second, publish included. */
    private static double deliveriesPerSecond(Herald herald, TenantId tenant, AtomicInteger sent, int[] next) {
        int expected = sent.get() + ROUND_EVENTS * WEBHOOKS;
        long started = System.nanoTime();
        try {
            QueueCeiling.publish(herald, tenant, next[0], ROUND_EVENTS);
            next[0] += ROUND_EVENTS;
            long deadline = started + TimeUnit.SECONDS.toNanos(300);
            while (sent.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a delivery round failed", e);
        }
        if (sent.get() < expected) {
            throw new IllegalStateException("a delivery round was not delivered within 300 s");
        }
        return ROUND_EVENTS * WEBHOOKS / ((System.nanoTime() - started) / 1e9);
    }

    /** The scenario's section of the results: a column per database. */
    static String table(List<Result> results) {
        StringBuilder t = new StringBuilder("| retention: finished deliveries past the retention purged in one "
                + "round while delivering (embedded Herald, no-op sender) |");
        results.forEach(r -> t.append(' ').append(r.database()).append(" |"));
        t.append("\n|---|").append("---|".repeat(results.size())).append('\n');
        row(t, results, "finished deliveries loaded (with their attempts and events)",
                r -> String.format("%,d", r.history()));
        row(t, results, "purged: deliveries / attempts / events", r -> String.format("%,d / %,d / %,d",
                r.purged().deliveries(), r.purged().attempts(), r.purged().events()));
        row(t, results, "purge round, s (deliveries purged per s)", r -> String.format("%.1f (%,.0f)",
                r.purgeSeconds(), r.purged().deliveries() / r.purgeSeconds()));
        row(t, results, String.format("delivery rounds of %,d events x %d webhooks without a purge (%d just before "
                + "it, %d just after), deliveries/s, mean", ROUND_EVENTS, WEBHOOKS, BASELINE_ROUNDS, BASELINE_ROUNDS),
                r -> String.format("%.0f", r.withoutMean()));
        row(t, results, "the same rounds during the purge, deliveries/s (mean; rounds)",
                r -> String.format("%.0f (%d)", r.duringMean(), r.during().size()));
        row(t, results, "throughput drop during the purge", r -> String.format("%.1f %%", 100 * r.drop()));
        row(t, results, "Herald's data on disk before / after the purge, MiB (H2: the file after its stop; "
                + "PostgreSQL: tables, indexes, TOAST)", r -> String.format("%d / %d", r.bytesBefore() >> 20,
                r.bytesAfter() >> 20));
        return t.append('\n').toString();
    }
}
