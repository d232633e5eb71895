package dev.herald.bench;

import static dev.herald.bench.HeraldApi.awaitReceived;
import static dev.herald.bench.HeraldApi.createTenant;
import static dev.herald.bench.HeraldApi.createWebhookRequest;
import static dev.herald.bench.HeraldApi.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How cost grows with an event's fan-out: events whose type has 1, 10, 100 and 1,000 subscribed webhooks (all on the
 * receiver, each at a path of its own, so each is an endpoint of its own, docs/API.md §6.8), about the same number of
 * deliveries in each case (HERALD_BENCH_FANOUT_DELIVERIES), published over HTTP as the throughput phase does. One
 * Herald process per database with the subscriber limit raised to 1,000 (docs/API.md §9); a tenant per case, and
 * each case delivered to the last before the next starts.
 */
final class FanOutScenario {
    static final List<Integer> FAN_OUTS = List.of(1, 10, 100, 1_000);
    private static final String TYPE = "PATIENT_CREATED";
    private static final Map<String, String> LIMITS = Map.of("HERALD_MAX_SUBSCRIBERS_PER_EVENT_TYPE", "1000",
            "HERALD_MAX_WEBHOOKS_PER_TENANT", "1000");

    /** One case: {@code fanOut} webhooks per event. */
    record Result(String database, int fanOut, Load.Result publish, double deliveriesPerSecond, int received,
                  int expected) {
    }

    private FanOutScenario() {
    }

    /** Every case on a fresh H2 file in {@code work} and, when PostgreSQL is measured, on freshly dropped tables. */
    static List<Result> runAll(BenchSettings settings, Receiver receiver, Path work) throws Exception {
        List<Result> results = new ArrayList<>(run("H2", BenchDatabases.h2Url(work, "fanout-h2"), settings, receiver,
                work.resolve("herald-fanout-h2.log")));
        if (settings.measuresPostgres()) {
            BenchDatabases.freshPostgres(settings.pgUrl());
            results.addAll(run("PostgreSQL", settings.pgUrl(), settings, receiver,
                    work.resolve("herald-fanout-postgresql.log")));
        }
        return results;
    }

    private static List<Result> run(String database, String dbUrl, BenchSettings settings, Receiver receiver,
                                    Path log) throws Exception {
        System.out.printf("%s: fan-out, %,d deliveries each to 1, 10, 100 and 1,000 webhooks per event...%n", database,
                settings.fanoutDeliveries());
        List<Result> results = new ArrayList<>();
        try (HeraldProcess herald = HeraldProcess.start(dbUrl, settings.heraldJvm(), LIMITS, log)) {
            String base = herald.baseUrl();
            List<String> keys = new ArrayList<>();
            for (int fanOut : FAN_OUTS) {
                String key = createTenant(base, "fanout-" + fanOut);
                Load.Result created = Load.closedLoop(fanOut, settings.mgmtConcurrency(), 120,
                        i -> createWebhookRequest(base, key, receiver.url("/fanout/" + fanOut + "/" + i), TYPE));
                if (created.ok() != fanOut) {
                    throw new IllegalStateException("fan-out " + fanOut + ": " + created.failed()
                            + " webhooks not created, first: " + created.firstError());
                }
                keys.add(key);
            }
            // Warm-up through the whole path on the first case's tenant, not measured.
            int warm = Math.min(1_000, settings.fanoutDeliveries() / 10);
            receiver.reset(0);
            Load.closedLoop(warm, settings.publishConcurrency(), 60, i -> publish(base, keys.get(0), TYPE, data(i)));
            awaitReceived(receiver, warm, 60);
            for (int c = 0; c < FAN_OUTS.size(); c++) {
                results.add(measure(database, FAN_OUTS.get(c), base, keys.get(c), settings, receiver));
            }
        }
        return results;
    }

    /** Publishes the case's events and waits for every delivery: the next case starts on an idle server. */
    private static Result measure(String database, int fanOut, String base, String key, BenchSettings settings,
                                  Receiver receiver) throws Exception {
        int events = Math.max(1, settings.fanoutDeliveries() / fanOut);
        int expected = events * fanOut;
        receiver.reset(0);
        Load.Result published = Load.closedLoop(events, settings.publishConcurrency(), 300,
                i -> publish(base, key, TYPE, data(i)));
        int received = awaitReceived(receiver, expected, 300);
        double perSecond = received / (receiver.spanNanos() / 1e9);
        System.out.printf("    %,d webhooks per event: %,d events published (%s/s, call p50 %.1f p99 %.1f ms%s); "
                        + "delivered %d/%d, %.0f deliveries/s%n", fanOut, published.ok(), rate(published.perSecond()),
                published.stats().p50(), published.stats().p99(),
                published.failed() > 0 ? ", " + published.failed() + " failed: " + published.firstError() : "",
                received, expected, perSecond);
        return new Result(database, fanOut, published, perSecond, received, expected);
    }

    /** Events/s, with a decimal where there are few (events of 1,000 deliveries each). */
    private static String rate(double perSecond) {
        return String.format(perSecond < 10 ? "%.1f" : "%.0f", perSecond);
    }

    private static String data(int i) {
        return "{\"seq\":" + i + ",\"patientId\":\"p-" + i + "\"}";
    }

    /** The scenario's section of the results: a row per database and fan-out. */
    static String table(List<Result> results, BenchSettings settings) {
        StringBuilder t = new StringBuilder(String.format("| fan-out: webhooks per event (about %,d deliveries each, "
                + "%d publishing concurrently) | events | publish events/s | publish call p50 / p99 ms | deliveries/s "
                + "(first to last arrival) | received / expected |%n|---|---|---|---|---|---|%n",
                settings.fanoutDeliveries(), settings.publishConcurrency()));
        for (Result r : results) {
            t.append(String.format("| %s, %,d | %,d%s | %s | %.1f / %.1f | %.0f | %d / %d |%n", r.database(),
                    r.fanOut(), r.publish().ok(), r.publish().failed() > 0 ? " (" + r.publish().failed() + " failed)"
                            : "", rate(r.publish().perSecond()), r.publish().stats().p50(), r.publish().stats().p99(),
                    r.deliveriesPerSecond(), r.received(), r.expected()));
        }
        return t.append('\n').toString();
    }
}
