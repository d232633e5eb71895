package dev.herald.bench;

import static dev.herald.bench.HeraldApi.awaitReceived;
import static dev.herald.bench.HeraldApi.createTenant;
import static dev.herald.bench.HeraldApi.createWebhook;
import static dev.herald.bench.HeraldApi.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The isolation scenario of docs/API.md §6.8 on a fresh server: tenant {@code noisy}'s one webhook points at a
 * {@link HungEndpoint} and gets a backlog of events; then tenant {@code quiet} publishes a trickle to the receiver.
 * Quiet's publish→received times show whether a neighbour's dead endpoint holds its events up (before fair turns it
 * held them for over a minute); the hung endpoint's connections show that it held no more than its share of sends.
 */
final class IsolationScenario {
    /** The noisy backlogs measured, each on its own fresh server and database. */
    static final List<Integer> NOISY_EVENTS = List.of(1_000, 10_000);
    private static final String TYPE = "PATIENT_CREATED";
    // 40 events, one every 100 ms, as the server's isolation tests publish them.
    private static final int QUIET_PER_SECOND = 10;
    private static final int QUIET_SECONDS = 4;
    static final int QUIET_EVENTS = QUIET_PER_SECOND * QUIET_SECONDS;

    /** What one scenario measured. */
    record Result(String database, int noisyEvents, Load.Result noisyPublish, Stats quiet, int quietReceived,
                  int hungConnections, long seconds) {
    }

    private IsolationScenario() {
    }

    /**
     * The scenario for each noisy backlog, on a fresh H2 file in {@code work} and, when HERALD_BENCH_PG_URL is set, on
     * freshly dropped PostgreSQL tables (whether or not the h2 and pg phases are skipped).
     */
    static List<Result> runAll(BenchSettings settings, Receiver receiver, Path work) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int noisy : NOISY_EVENTS) {
            results.add(run("H2", BenchDatabases.h2Url(work, "isolation-h2-" + noisy), noisy, settings, receiver,
                    work.resolve("herald-isolation-h2-" + noisy + ".log")));
        }
        if (!settings.pgUrl().isBlank()) {
            for (int noisy : NOISY_EVENTS) {
                BenchDatabases.freshPostgres(settings.pgUrl());
                results.add(run("PostgreSQL", settings.pgUrl(), noisy, settings, receiver,
                        work.resolve("herald-isolation-postgresql-" + noisy + ".log")));
            }
        }
        return results;
    }

    /** One scenario: {@code noisyEvents} for the hung endpoint, then quiet's trickle, on a server over {@code dbUrl}. */
    static Result run(String database, String dbUrl, int noisyEvents, BenchSettings settings, Receiver receiver,
                      Path log) throws Exception {
        System.out.printf("%s: isolation, a hung endpoint with %,d events next to a quiet tenant...%n", database,
                noisyEvents);
        long started = System.nanoTime();
        // The hung endpoint is closed first: Herald's sends held by it then fail at once and its stop is quick.
        try (HeraldProcess herald = HeraldProcess.start(dbUrl, settings.heraldJvm(), Map.of(), log);
             HungEndpoint hung = new HungEndpoint()) {
            String base = herald.baseUrl();
            String noisy = createTenant(base, "noisy");
            createWebhook(base, noisy, hung.url("/hung"), TYPE);
            String quiet = createTenant(base, "quiet");
            createWebhook(base, quiet, receiver.url("/quiet"), TYPE);

            Load.Result published = Load.closedLoop(noisyEvents, settings.publishConcurrency(), 120,
                    i -> publish(base, noisy, TYPE, "{\"seq\":" + i + ",\"patientId\":\"p-" + i + "\"}"));
            System.out.printf("    noisy: published %d events (%.0f/s), %d failed%n", published.ok(),
                    published.perSecond(), published.failed());

            receiver.reset(QUIET_EVENTS);
            Load.Result trickle = Load.openLoop(QUIET_PER_SECOND, QUIET_SECONDS,
                    i -> publish(base, quiet, TYPE, "{\"seq\":" + i + ",\"t\":" + System.nanoTime() + "}"));
            int received = awaitReceived(receiver, trickle.ok(), 60);
            Stats latency = Stats.of(receiver.latencies());
            int connections = hung.connections();
            System.out.printf("    quiet: received %d/%d, publish->received p50 %.1f p99 %.1f max %.1f ms; "
                            + "the hung endpoint got %d connections%n", received, QUIET_EVENTS, latency.p50(),
                    latency.p99(), latency.max(), connections);
            return new Result(database, noisyEvents, published, latency, received, connections,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
    }
}
