package dev.herald.bench;

import static dev.herald.bench.HeraldApi.awaitReceived;
import static dev.herald.bench.HeraldApi.createTenant;
import static dev.herald.bench.HeraldApi.createWebhook;
import static dev.herald.bench.HeraldApi.createWebhookRequest;
import static dev.herald.bench.HeraldApi.listRequest;
import static dev.herald.bench.HeraldApi.publish;

import dev.herald.domain.event.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of every Herald benchmark, printed as a table (and written to benchmarks/target/bench-results.md):
 * the baseline of bare HTTP clients, Herald end to end on H2 (and PostgreSQL when HERALD_BENCH_PG_URL is set),
 * publish→received latency at a fixed offered load, the management API, peak RSS, a quiet tenant's latency next to
 * a hung endpoint (the isolation scenario), how cost grows with an event's fan-out and whether it grows with
 * history (the fan-out and history scenarios), retention purging a million finished deliveries while delivering and
 * the data's size over a soak at constant load (the purge and soak scenarios), and JMH micro-benchmarks.
 *
 * <p>What it does is set from the environment: see {@link BenchSettings}.
 */
public final class BenchMain {
    private static final String TENANT = "bench";
    private static final int MGMT_TENANTS = 20;
    private static final List<String> EVENT_TYPES = Arrays.stream(EventType.values()).map(Enum::name).toList();

    private final BenchSettings settings = BenchSettings.fromEnvironment();
    private final Path work;
    private final List<String> notes = new ArrayList<>();

    private BenchMain(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        // As Herald's Main does, for the embedded Herald of the queue ceiling (see Main.widenCommonPool).
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
                Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        Path target = Path.of(HeraldProcess.ownJar()).toAbsolutePath().getParent();
        Path work = target.resolve("bench-run-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(work);
        new BenchMain(work).run(target);
        System.exit(0);
    }

    private void run(Path target) throws Exception {
        long started = System.nanoTime();
        String machine = ResultsTable.machine();
        System.out.println(machine);
        System.out.printf("settings: %d events x %d webhooks, %d sends in flight, latency at %d events/s for %d s, "
                        + "%d management requests at concurrency %d, Herald JVM options %s%n",
                settings.events(), settings.webhooks(), settings.concurrency(), settings.rate(),
                settings.latencySeconds(), settings.mgmtRequests(), settings.mgmtConcurrency(), settings.heraldJvm());
        List<BaselinePhase.Result> senders = List.of();
        List<DbResult> results = new ArrayList<>();
        Map<String, Double> micro = new LinkedHashMap<>();
        List<IsolationScenario.Result> isolation = List.of();
        List<String> sections = new ArrayList<>();
        try (Receiver receiver = new Receiver(BenchSettings.setting("HERALD_BENCH_RECEIVER", "jetty"),
                BenchSettings.intSetting("HERALD_BENCH_RECEIVER_THREADS", 8))) {
            if (!settings.skips("baseline")) {
                senders = BaselinePhase.run(settings, receiver);
            }
            if (!settings.skips("h2")) {
                results.add(withCeiling(herald("H2", BenchDatabases.h2Url(work, "h2"), receiver),
                        () -> BenchDatabases.h2Url(work, "h2-ceiling")));
            } else {
                notes.add("H2 skipped (HERALD_BENCH_SKIP)");
            }
            if (settings.pgUrl().isBlank()) {
                notes.add("PostgreSQL skipped: HERALD_BENCH_PG_URL not set");
                System.out.println("PostgreSQL skipped: HERALD_BENCH_PG_URL not set");
            } else if (settings.skips("pg")) {
                notes.add("PostgreSQL skipped (HERALD_BENCH_SKIP)");
            } else {
                BenchDatabases.freshPostgres(settings.pgUrl());
                results.add(withCeiling(herald("PostgreSQL", settings.pgUrl(), receiver), () -> {
                    BenchDatabases.freshPostgres(settings.pgUrl());
                    return settings.pgUrl();
                }));
            }
            if (!settings.skips("isolation")) {
                isolation = IsolationScenario.runAll(settings, receiver, work);
            } else {
                notes.add("isolation skipped (HERALD_BENCH_SKIP)");
            }
            if (!settings.skips("fanout")) {
                sections.add(FanOutScenario.table(FanOutScenario.runAll(settings, receiver, work), settings));
            } else {
                notes.add("fan-out skipped (HERALD_BENCH_SKIP)");
            }
        }
        if (!settings.skips("history")) {
            sections.add(HistoryScenario.table(HistoryScenario.runAll(settings, work)));
        } else {
            notes.add("history skipped (HERALD_BENCH_SKIP)");
        }
        if (!settings.skips("purge")) {
            sections.add(PurgeScenario.table(PurgeScenario.runAll(settings, work)));
        } else {
            notes.add("purge skipped (HERALD_BENCH_SKIP)");
        }
        if (!settings.skips("soak")) {
            sections.add(SoakScenario.table(SoakScenario.runAll(settings, work)));
        } else {
            notes.add("soak skipped (HERALD_BENCH_SKIP)");
        }
        if (!settings.skips("disk")) {
            System.out.println("H2 disk use at a steady 50 events/s (embedded Herald, no-op sender)...");
            H2Storage.Result steady = H2Storage.steady(work.resolve("h2-disk"), 50, 3_000, 1);
            System.out.println("  " + steady);
            notes.add("H2 disk at a steady 50 events/s, 500-byte data: " + steady);
        }
        if (!settings.skips("jmh")) {
            micro = MicroBenchmarks.runAll(HeraldProcess.javaCommand());
        } else {
            notes.add("JMH skipped (HERALD_BENCH_SKIP)");
        }
        String table = ResultsTable.render(settings, machine, senders, results, isolation, sections, micro, notes,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        System.out.println();
        System.out.println(table);
        Files.writeString(target.resolve("bench-results.md"), table);
        System.out.println("(also written to " + target.resolve("bench-results.md") + ")");
    }

    // ---------------------------------------------------------------- Herald

    private DbResult herald(String name, String dbUrl, Receiver receiver) throws Exception {
        System.out.println(name + ": starting Herald (separate JVM)...");
        Path log = work.resolve("herald-" + name.toLowerCase(Locale.ROOT) + ".log");
        try (HeraldProcess herald = HeraldProcess.start(dbUrl, settings.heraldJvm(), Map.of(), log)) {
            String base = herald.baseUrl();
            String key = createTenant(base, TENANT);
            for (int i = 0; i < settings.webhooks(); i++) {
                createWebhook(base, key, receiver.url("/hook/" + i), "PATIENT_CREATED");
            }
            createWebhook(base, key, receiver.url("/latency"), "PATIENT_UPDATED");

            // Warm-up: a few hundred settings.events() through the whole path, not measured.
            receiver.reset(0);
            int warm = Math.min(1000, settings.events() / 10);
            Load.closedLoop(warm, settings.publishConcurrency(), 60, i -> publish(base, key, "PATIENT_CREATED",
                    "{\"seq\":" + i + ",\"patientId\":\"p-" + i + "\"}"));
            awaitReceived(receiver, warm * settings.webhooks(), 60);

            // Throughput: N events fanned out to M webhooks, published as fast as the API takes them.
            int expected = settings.events() * settings.webhooks();
            receiver.reset(0);
            System.out.printf("  throughput: publishing %d events to %d webhooks...%n", settings.events(),
                    settings.webhooks());
            long start = System.nanoTime();
            double cpuBefore = herald.cpuSeconds();
            Load.Result published = Load.closedLoop(settings.events(), settings.publishConcurrency(), 300,
                    i -> publish(base, key, "PATIENT_CREATED", "{\"seq\":" + i + ",\"patientId\":\"p-" + i + "\"}"));
            check("publish", published);
            int delivered = awaitReceived(receiver, expected, 300);
            double cpuPerDelivery = (herald.cpuSeconds() - cpuBefore) * 1e6 / delivered;
            double sustained = delivered / (receiver.spanNanos() / 1e9);
            double endToEnd = delivered / ((receiver.lastArrival() - start) / 1e9);
            System.out.printf("    published %.0f events/s; delivered %d/%d, %.0f deliveries/s (%.0f from the first "
                    + "publish)%n", published.perSecond(), delivered, expected, sustained, endToEnd);
            double diskKibPerEvent = BenchDatabases.diskBytes(dbUrl) / 1024.0 / (warm + settings.events());
            System.out.printf("    disk: %.2f KiB per event (%d x %d webhooks so far)%n", diskKibPerEvent,
                    warm + settings.events(), settings.webhooks());

            DbResult result = new DbResult(name, published, sustained, endToEnd, delivered, null, null, 0, null, null,
                    Double.NaN, cpuPerDelivery, Double.NaN, diskKibPerEvent);
            if (!settings.skips("latency")) {
                result = latency(base, key, receiver, result);
            }
            if (!settings.skips("mgmt")) {
                result = management(base, key, receiver, result);
            }
            double rss = herald.peakRssMib();
            System.out.printf("    peak RSS of the Herald process: %.0f MiB%n", rss);
            return result.withPeakRss(rss);
        }
    }

    /** Publish→received latency at a fixed offered load, one webhook per event. */
    private DbResult latency(String base, String key, Receiver receiver, DbResult result) throws Exception {
        receiver.reset(settings.rate() * settings.latencySeconds());
        System.out.printf("  latency: %d events/s for %d s...%n", settings.rate(), settings.latencySeconds());
        Load.Result offered = Load.openLoop(settings.rate(), settings.latencySeconds(), i -> publish(base, key,
                "PATIENT_UPDATED", "{\"seq\":" + i + ",\"t\":" + System.nanoTime() + "}"));
        check("latency publish", offered);
        int received = awaitReceived(receiver, settings.rate() * settings.latencySeconds(), 60);
        Stats latency = Stats.of(receiver.latencies());
        System.out.printf("    publish->received p50 %.1f p99 %.1f max %.1f ms; publish call p50 %.1f p99 %.1f ms%n",
                latency.p50(), latency.p99(), latency.max(), offered.stats().p50(), offered.stats().p99());
        return result.withLatency(offered, latency, received);
    }

    /**
     * The management API over real HTTP: creates spread over 20 tenants and the 28 event types (within the default
     * per-tenant limits), then lists of the benchmark tenant's webhooks.
     */
    private DbResult management(String base, String key, Receiver receiver, DbResult result) throws Exception {
        List<String> mgmtKeys = new ArrayList<>();
        for (int t = 0; t < MGMT_TENANTS; t++) {
            mgmtKeys.add(createTenant(base, "mgmt-" + t));
        }
        int requests = settings.mgmtRequests();
        int parallel = settings.mgmtConcurrency();
        System.out.printf("  management: %d creates, %d lists, %d concurrent...%n", requests, requests, parallel);
        Load.closedLoop(500, parallel, 30, i -> createWebhookRequest(base, mgmtKeys.get(i % MGMT_TENANTS),
                receiver.url("/mgmt/warm" + i), mgmtType(i)));
        Load.Result create = Load.closedLoop(requests, parallel, 60, i -> createWebhookRequest(base,
                mgmtKeys.get(i % MGMT_TENANTS), receiver.url("/mgmt/" + i), mgmtType(i)));
        check("create webhook", create);
        Load.closedLoop(500, parallel, 30, i -> listRequest(base, key));
        Load.Result list = Load.closedLoop(requests, parallel, 60, i -> listRequest(base, key));
        check("list webhooks", list);
        System.out.printf("    create %.0f/s p99 %.1f ms; list %.0f/s p99 %.1f ms%n", create.perSecond(),
                create.stats().p99(), list.perSecond(), list.stats().p99());
        return result.withManagement(create, list);
    }

    /** The event type of the {@code i}-th management create: each tenant's webhooks spread over all types. */
    private static String mgmtType(int i) {
        return EVENT_TYPES.get((i / MGMT_TENANTS) % EVENT_TYPES.size());
    }

    private interface FreshDatabase {
        String url() throws Exception;
    }

    /** Adds the queue-only ceiling, measured in this JVM on a fresh database, unless skipped ("ceiling"). */
    private DbResult withCeiling(DbResult result, FreshDatabase database) throws Exception {
        if (settings.skips("ceiling")) {
            return result;
        }
        System.out.println(result.name() + ": queue ceiling (embedded Herald, no-op sender)...");
        return result.withCeiling(QueueCeiling.deliveriesPerSecond(database.url(), settings.events(),
                settings.webhooks()));
    }

    private void check(String what, Load.Result result) {
        if (result.failed() > 0) {
            String note = what + ": " + result.failed() + " failed requests, first: " + result.firstError();
            notes.add(note);
            System.out.println("    WARNING " + note);
        }
    }
}
