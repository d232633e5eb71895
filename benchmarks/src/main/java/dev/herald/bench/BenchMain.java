package dev.herald.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One run of every Herald benchmark, printed as a table (and written to benchmarks/target/bench-results.md):
 * the bare-HttpClient baseline, Herald end to end on H2 (and PostgreSQL when HERALD_BENCH_PG_URL is set),
 * publish→received latency at a fixed offered load, the management API, peak RSS, and JMH micro-benchmarks.
 *
 * <p>Settings (environment): HERALD_BENCH_EVENTS (20000), HERALD_BENCH_WEBHOOKS (fan-out, 5),
 * HERALD_BENCH_RATE (events/s for latency, 500), HERALD_BENCH_LATENCY_SECONDS (10), HERALD_BENCH_MGMT_REQUESTS (10000),
 * HERALD_BENCH_CONCURRENCY (sends in flight, as Herald's dispatcher: 200), HERALD_BENCH_HERALD_JVM_OPTS
 * (JVM options of the Herald process, -Xmx256m), HERALD_BENCH_PG_URL, HERALD_BENCH_SKIP (comma list of h2,pg,jmh,baseline,ceiling,mgmt,latency,disk).
 */
public final class BenchMain {
    private static final String TENANT = "bench";
    private static final int MGMT_TENANTS = 20;
    private static final List<String> EVENT_TYPES = java.util.Arrays.stream(dev.herald.domain.EventType.values())
            .map(Enum::name).toList();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");

    private final int events = intSetting("HERALD_BENCH_EVENTS", 20_000);
    private final int webhooks = intSetting("HERALD_BENCH_WEBHOOKS", 5);
    private final int rate = intSetting("HERALD_BENCH_RATE", 500);
    private final int latencySeconds = intSetting("HERALD_BENCH_LATENCY_SECONDS", 10);
    private final int mgmtRequests = intSetting("HERALD_BENCH_MGMT_REQUESTS", 10_000);
    private final int concurrency = intSetting("HERALD_BENCH_CONCURRENCY", 200);
    private final int publishConcurrency = intSetting("HERALD_BENCH_PUBLISH_CONCURRENCY", 16);
    private final int mgmtConcurrency = intSetting("HERALD_BENCH_MGMT_CONCURRENCY", 16);
    private final List<String> heraldJvm = List.of(setting("HERALD_BENCH_HERALD_JVM_OPTS", "-Xmx256m").split("\\s+"))
            .stream().filter(s -> !s.isBlank()).toList();
    private final List<String> baselineJvm = List.of(setting("HERALD_BENCH_BASELINE_JVM_OPTS", "").split("\\s+"))
            .stream().filter(s -> !s.isBlank()).toList();
    private final String pgUrl = setting("HERALD_BENCH_PG_URL", "");
    private final List<String> skip = List.of(setting("HERALD_BENCH_SKIP", "").toLowerCase(Locale.ROOT).split(","));
    private final Path work;
    private final List<String> notes = new ArrayList<>();
    private double baselineCpuMicros = Double.NaN;

    private BenchMain(Path work) {
        this.work = work;
    }

    /** Numbers of one database's run. */
    private record DbResult(String name, Load.Result publish, double deliveriesPerSecond, double endToEndPerSecond,
                            int delivered, Load.Result latencyPublish, Stats latency, int latencyReceived,
                            Load.Result create, Load.Result list, double peakRssMib, double cpuMicrosPerDelivery,
                            double ceilingPerSecond, double diskKibPerEvent) {
        DbResult withCeiling(double perSecond) {
            return new DbResult(name, publish, deliveriesPerSecond, endToEndPerSecond, delivered, latencyPublish,
                    latency, latencyReceived, create, list, peakRssMib, cpuMicrosPerDelivery, perSecond,
                    diskKibPerEvent);
        }
    }

    public static void main(String[] args) throws Exception {
        // As Herald's Main does, for the embedded Herald of the queue ceiling (see Main.widenCommonPool).
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
                Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        Path target = Path.of(HeraldProcess.ownJar()).toAbsolutePath().getParent();
        Path work = target.resolve("bench-run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(work);
        new BenchMain(work).run(target);
        System.exit(0);
    }

    private void run(Path target) throws Exception {
        long started = System.nanoTime();
        String machine = machine();
        System.out.println(machine);
        System.out.printf("settings: %d events x %d webhooks, %d sends in flight, latency at %d events/s for %d s, "
                        + "%d management requests at concurrency %d, Herald JVM options %s%n",
                events, webhooks, concurrency, rate, latencySeconds, mgmtRequests, mgmtConcurrency, heraldJvm);
        double baseline = Double.NaN;
        List<DbResult> results = new ArrayList<>();
        Map<String, Double> micro = new LinkedHashMap<>();
        try (Receiver receiver = new Receiver(setting("HERALD_BENCH_RECEIVER", "jetty"), intSetting("HERALD_BENCH_RECEIVER_THREADS", 8))) {
            if (!skip.contains("baseline")) {
                baseline = baseline(receiver);
            }
            if (!skip.contains("h2")) {
                String h2Options = setting("HERALD_BENCH_H2_OPTIONS", "");
                results.add(withCeiling(herald("H2", "jdbc:h2:file:" + work.resolve("h2").resolve("herald") + h2Options,
                        receiver), () -> "jdbc:h2:file:" + work.resolve("h2-ceiling").resolve("herald") + h2Options));
            } else {
                notes.add("H2 skipped (HERALD_BENCH_SKIP)");
            }
            if (pgUrl.isBlank()) {
                notes.add("PostgreSQL skipped: HERALD_BENCH_PG_URL not set");
                System.out.println("PostgreSQL skipped: HERALD_BENCH_PG_URL not set");
            } else if (skip.contains("pg")) {
                notes.add("PostgreSQL skipped (HERALD_BENCH_SKIP)");
            } else {
                freshPostgres(pgUrl);
                results.add(withCeiling(herald("PostgreSQL", pgUrl, receiver), () -> {
                    freshPostgres(pgUrl);
                    return pgUrl;
                }));
            }
        }
        if (!skip.contains("disk")) {
            System.out.println("H2 disk use at a steady 50 events/s (embedded Herald, no-op sender)...");
            H2Storage.Result steady = H2Storage.steady(work.resolve("h2-disk"), 50, 3_000, 1);
            System.out.println("  " + steady);
            notes.add("H2 disk at a steady 50 events/s, 500-byte data: " + steady);
        }
        if (!skip.contains("jmh")) {
            micro = jmh();
        } else {
            notes.add("JMH skipped (HERALD_BENCH_SKIP)");
        }
        String table = table(machine, baseline, results, micro,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        System.out.println();
        System.out.println(table);
        Files.writeString(target.resolve("bench-results.md"), table);
        System.out.println("(also written to " + target.resolve("bench-results.md") + ")");
    }

    // ---------------------------------------------------------------- baseline

    private double baseline(Receiver receiver) throws Exception {
        int count = events * webhooks;
        receiver.reset(0);
        System.out.printf("baseline: %d signed POSTs, %d in flight, bare HttpClient in its own JVM...%n", count,
                concurrency);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // As Herald's Main does: on 2 cores the common pool has parallelism 1, and then every HttpClient.sendAsync
        // hands its completion to a new thread (CompletableFuture's thread-per-task fallback).
        command.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + Math.max(2, Runtime.getRuntime().availableProcessors()));
        command.addAll(baselineJvm);
        command.addAll(List.of("-cp", HeraldProcess.ownJar(), BaselineSender.class.getName(), receiver.url("/baseline"),
                Integer.toString(count), Integer.toString(concurrency), "120"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(150, TimeUnit.SECONDS);
        double perSecond = receiver.received() / (receiver.spanNanos() / 1e9);
        Matcher cpu = Pattern.compile("cpu ([0-9.]+)").matcher(output);
        baselineCpuMicros = cpu.find() ? Double.parseDouble(cpu.group(1)) * 1e6 / Math.max(1, receiver.received()) : Double.NaN;
        System.out.printf("  %s -> received %d, %.0f requests/s%n", output.strip(), receiver.received(), perSecond);
        return perSecond;
    }

    // ---------------------------------------------------------------- Herald

    private DbResult herald(String name, String dbUrl, Receiver receiver) throws Exception {
        System.out.println(name + ": starting Herald (separate JVM)...");
        Path log = work.resolve("herald-" + name.toLowerCase(Locale.ROOT) + ".log");
        try (HeraldProcess herald = HeraldProcess.start(dbUrl, heraldJvm, Map.of(), log)) {
            String base = herald.baseUrl();
            String key = createTenant(base, TENANT);
            for (int i = 0; i < webhooks; i++) {
                createWebhook(base, key, receiver.url("/hook/" + i), "PATIENT_CREATED");
            }
            createWebhook(base, key, receiver.url("/latency"), "PATIENT_UPDATED");

            // Warm-up: a few hundred events through the whole path, not measured.
            receiver.reset(0);
            int warm = Math.min(1000, events / 10);
            Load.closedLoop(warm, publishConcurrency, 60, i -> publish(base, key, "PATIENT_CREATED",
                    "{\"seq\":" + i + ",\"patientId\":\"p-" + i + "\"}"));
            awaitReceived(receiver, warm * webhooks, 60);

            // Throughput: N events fanned out to M webhooks, published as fast as the API takes them.
            int expected = events * webhooks;
            receiver.reset(0);
            System.out.printf("  throughput: publishing %d events to %d webhooks...%n", events, webhooks);
            long start = System.nanoTime();
            double cpuBefore = herald.cpuSeconds();
            Load.Result published = Load.closedLoop(events, publishConcurrency, 300, i -> publish(base, key,
                    "PATIENT_CREATED", "{\"seq\":" + i + ",\"patientId\":\"p-" + i + "\"}"));
            check("publish", published);
            int delivered = awaitReceived(receiver, expected, 300);
            double cpuPerDelivery = (herald.cpuSeconds() - cpuBefore) * 1e6 / delivered;
            double sustained = delivered / (receiver.spanNanos() / 1e9);
            double endToEnd = delivered / ((receiver.lastArrival() - start) / 1e9);
            System.out.printf("    published %.0f events/s; delivered %d/%d, %.0f deliveries/s (%.0f from the first "
                    + "publish)%n", published.perSecond(), delivered, expected, sustained, endToEnd);
            double diskKibPerEvent = diskBytes(dbUrl) / 1024.0 / (warm + events);
            System.out.printf("    disk: %.2f KiB per event (%d x %d webhooks so far)%n", diskKibPerEvent,
                    warm + events, webhooks);

            // Latency at a fixed offered load, one webhook per event.
            int latencyEvents = skip.contains("latency") ? 1 : rate * latencySeconds;
            receiver.reset(latencyEvents);
            System.out.printf("  latency: %d events/s for %d s...%n", rate, latencySeconds);
            Load.Result offered = Load.openLoop(rate, skip.contains("latency") ? 1 : latencySeconds, i -> publish(base, key, "PATIENT_UPDATED",
                    "{\"seq\":" + i + ",\"t\":" + System.nanoTime() + "}"));
            check("latency publish", offered);
            int latencyReceived = awaitReceived(receiver, latencyEvents, 60);
            Stats latency = Stats.of(receiver.latencies());
            System.out.printf("    publish->received p50 %.1f p99 %.1f max %.1f ms; publish call p50 %.1f p99 %.1f ms%n",
                    latency.p50(), latency.p99(), latency.max(), offered.stats().p50(), offered.stats().p99());

            // Management API over real HTTP.
            // Spread over 20 tenants and the 28 event types: within the default per-tenant limits.
            List<String> mgmtKeys = new ArrayList<>();
            for (int t = 0; t < MGMT_TENANTS; t++) {
                mgmtKeys.add(createTenant(base, "mgmt-" + t));
            }
            System.out.printf("  management: %d creates, %d lists, %d concurrent...%n", mgmtRequests, mgmtRequests,
                    mgmtConcurrency);
            int mgmtRequests = skip.contains("mgmt") ? 100 : this.mgmtRequests;
            Load.closedLoop(500, mgmtConcurrency, 30, i -> createWebhookRequest(base, mgmtKeys.get(i % MGMT_TENANTS),
                    receiver.url("/mgmt/warm" + i), mgmtType(i)));
            Load.Result create = Load.closedLoop(mgmtRequests, mgmtConcurrency, 60, i -> createWebhookRequest(base,
                    mgmtKeys.get(i % MGMT_TENANTS), receiver.url("/mgmt/" + i), mgmtType(i)));
            check("create webhook", create);
            Load.closedLoop(500, mgmtConcurrency, 30, i -> listRequest(base, key));
            Load.Result list = Load.closedLoop(mgmtRequests, mgmtConcurrency, 60, i -> listRequest(base, key));
            check("list webhooks", list);
            System.out.printf("    create %.0f/s p99 %.1f ms; list %.0f/s p99 %.1f ms%n", create.perSecond(),
                    create.stats().p99(), list.perSecond(), list.stats().p99());
            double rss = herald.peakRssMib();
            System.out.printf("    peak RSS of the Herald process: %.0f MiB%n", rss);
            return new DbResult(name, published, sustained, endToEnd, delivered, offered, latency, latencyReceived,
                    create, list, rss, cpuPerDelivery, Double.NaN, diskKibPerEvent);
        }
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
        if (skip.contains("ceiling")) {
            return result;
        }
        System.out.println(result.name() + ": queue ceiling (embedded Herald, no-op sender)...");
        return result.withCeiling(QueueCeiling.deliveriesPerSecond(database.url(), events, webhooks));
    }

    private void check(String what, Load.Result result) {
        if (result.failed() > 0) {
            String note = what + ": " + result.failed() + " failed requests, first: " + result.firstError();
            notes.add(note);
            System.out.println("    WARNING " + note);
        }
    }

    private static int awaitReceived(Receiver receiver, int expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (receiver.received() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return receiver.received();
    }

    private static String createTenant(String base, String tenant) throws Exception {
        HttpResponse<String> r = Load.send(Load.request(base + "/admin/v1/tenant/create")
                .header("ADMIN-KEY", HeraldProcess.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"" + tenant + "\"}")).build());
        String key = group(API_KEY, r);
        TENANT_OF_KEY.put(key, tenant);
        return key;
    }

    private static String createWebhook(String base, String key, String url, String type) throws Exception {
        return group(ID, Load.send(createWebhookRequest(base, key, url, type)));
    }

    private static HttpRequest createWebhookRequest(String base, String key, String url, String type) {
        return Load.request(base + "/v1/webhook/create").header("TENANT", tenantOf(key))
                .header("API-KEY", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"subscriptions\":[\"" + type
                        + "\"],\"notificationEmail\":null}"))
                .build();
    }

    private static HttpRequest listRequest(String base, String key) {
        return Load.request(base + "/v1/webhook/list").header("TENANT", tenantOf(key)).header("API-KEY", key).GET()
                .build();
    }

    private static HttpRequest publish(String base, String key, String type, String data) {
        return Load.request(base + "/v1/event/create").header("TENANT", tenantOf(key)).header("API-KEY", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + type + "\",\"data\":" + data + "}"))
                .build();
    }

    private static final Map<String, String> TENANT_OF_KEY = new java.util.concurrent.ConcurrentHashMap<>();

    private static String tenantOf(String key) {
        return TENANT_OF_KEY.get(key);
    }

    private static String group(Pattern pattern, HttpResponse<String> response) {
        Matcher m = pattern.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }

    /** What Herald's data takes on disk: the H2 file, or the PostgreSQL tables with their indexes and TOAST. */
    private static long diskBytes(String dbUrl) throws Exception {
        if (dbUrl.startsWith("jdbc:h2:file:")) {
            return Files.size(Path.of(dbUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db"));
        }
        try (Connection c = DriverManager.getConnection(dbUrl); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                     + " WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())"
                     + " AND c.relname IN ('delivery_queue', 'attempts', 'deliveries', 'events', 'webhooks',"
                     + " 'tenants', 'notice_throttle', 'notice_tenants', 'notice_sends')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A clean database: Herald's tables (and its migration history) dropped, so Flyway creates them anew. */
    private static void freshPostgres(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("delivery_queue", "attempts", "deliveries", "events", "webhooks", "tenants",
                    "notice_throttle", "notice_tenants", "notice_sends", "herald_schema_history")) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
        }
    }

    // ---------------------------------------------------------------- JMH

    private Map<String, Double> jmh() throws Exception {
        System.out.println("JMH micro-benchmarks (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement)...");
        var options = new OptionsBuilder()
                .include(MicroBenchmarks.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .build();
        Map<String, Double> results = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String label = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            results.put(label, r.getPrimaryResult().getScore());
        }
        return results;
    }

    // ---------------------------------------------------------------- report

    private String table(String machine, double baseline, List<DbResult> results, Map<String, Double> micro,
                         long seconds) {
        StringBuilder t = new StringBuilder();
        t.append("## Herald benchmarks, ").append(LocalDate.now()).append("\n\n");
        t.append(machine.lines().map(l -> "- " + l).reduce((a, b) -> a + "\n" + b).orElse("")).append('\n');
        t.append(String.format("- %d events x %d webhooks = %d deliveries; %d sends in flight; latency at %d events/s "
                        + "for %d s; %d management requests per operation at concurrency %d; Herald JVM options: %s%n",
                events, webhooks, events * webhooks, concurrency, rate, latencySeconds, mgmtRequests, mgmtConcurrency,
                heraldJvm.isEmpty() ? "(defaults)" : String.join(" ", heraldJvm)));
        t.append(String.format("- whole run: %d s%n%n", seconds));
        List<String> names = results.stream().map(DbResult::name).toList();
        t.append("| measure | target |");
        names.forEach(n -> t.append(' ').append(n).append(" |"));
        t.append("\n|---|---|");
        names.forEach(n -> t.append("---|"));
        t.append('\n');
        row(t, "baseline: bare HttpClient, signed POSTs/s", "", results, r -> fmt0(baseline));
        row(t, "publish (POST /v1/event/create) events/s, " + publishConcurrency + " concurrent", "", results,
                r -> fmt0(r.publish().perSecond()));
        row(t, "end to end deliveries/s (first to last arrival)", ">= 2000 on H2", results,
                r -> fmt0(r.deliveriesPerSecond()) + " (" + r.delivered() + "/" + events * webhooks + ")");
        row(t, "end to end deliveries/s from the first publish", "", results, r -> fmt0(r.endToEndPerSecond()));
        row(t, "ratio to baseline", ">= 50%", results,
                r -> String.format("%.0f%%", 100 * r.deliveriesPerSecond() / baseline));
        row(t, "queue only, no-op sender, deliveries/s (the database ceiling)", "", results,
                r -> fmt0(r.ceilingPerSecond()));
        row(t, "ceiling ratio to baseline", "", results,
                r -> String.format("%.0f%%", 100 * r.ceilingPerSecond() / baseline));
        row(t, "CPU per delivery, whole Herald process incl. publishing (baseline JVM: " + fmt0(baselineCpuMicros)
                + ")", "", results, r -> fmt0(r.cpuMicrosPerDelivery()) + " µs");
        row(t, "publish->received p50 / p99 / max ms at " + rate + " events/s", "p99 < 100", results,
                r -> String.format("%.1f / %.1f / %.1f (%d/%d received)", r.latency().p50(), r.latency().p99(),
                        r.latency().max(), r.latencyReceived(), rate * latencySeconds));
        row(t, "publish call p50 / p99 ms at " + rate + " events/s", "p99 < 20", results,
                r -> String.format("%.1f / %.1f", r.latencyPublish().stats().p50(), r.latencyPublish().stats().p99()));
        row(t, "create webhook requests/s (p99 ms)", ">= 3000", results,
                r -> String.format("%.0f (%.1f)", r.create().perSecond(), r.create().stats().p99()));
        row(t, "list webhooks (" + (webhooks + 1) + " hooks) requests/s (p99 ms)", "", results,
                r -> String.format("%.0f (%.1f)", r.list().perSecond(), r.list().stats().p99()));
        row(t, "Herald peak RSS MiB (VmHWM)", "< 512", results, r -> String.format("%.0f", r.peakRssMib()));
        row(t, "disk per event after the throughput phase (x " + webhooks + " webhooks, ~40-byte data), KiB", "",
                results, r -> String.format("%.2f", r.diskKibPerEvent()));
        t.append('\n');
        if (!micro.isEmpty()) {
            t.append("| JMH micro-benchmark (1 KiB body) | ns/op |\n|---|---|\n");
            micro.forEach((k, v) -> t.append("| ").append(k).append(" | ").append(String.format("%.0f", v))
                    .append(" |\n"));
            t.append('\n');
        }
        notes.forEach(n -> t.append("- note: ").append(n).append('\n'));
        return t.toString();
    }

    private interface Cell {
        String of(DbResult r);
    }

    private static void row(StringBuilder t, String label, String target, List<DbResult> results, Cell cell) {
        t.append("| ").append(label).append(" | ").append(target).append(" |");
        results.forEach(r -> t.append(' ').append(cell.of(r)).append(" |"));
        t.append('\n');
    }

    private static String fmt0(double v) {
        return String.format("%.0f", v);
    }

    private static String machine() {
        String cpu = "?";
        String memory = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format("%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return String.format("machine: %d cores (nproc), %s memory, %s%nJDK: %s %s (%s)",
                Runtime.getRuntime().availableProcessors(), memory, cpu, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"));
    }

    private static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static int intSetting(String name, int defaultValue) {
        return Integer.parseInt(setting(name, Integer.toString(defaultValue)));
    }
}
