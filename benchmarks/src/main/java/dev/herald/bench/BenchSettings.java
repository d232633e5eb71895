package dev.herald.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a run does, from the environment: HERALD_BENCH_EVENTS (20000), HERALD_BENCH_WEBHOOKS (fan-out, 5),
 * HERALD_BENCH_RATE (events/s for latency, 500), HERALD_BENCH_LATENCY_SECONDS (10), HERALD_BENCH_MGMT_REQUESTS
 * (10000), HERALD_BENCH_CONCURRENCY (sends in flight, as Herald's dispatcher: 200), HERALD_BENCH_PUBLISH_CONCURRENCY
 * (16), HERALD_BENCH_MGMT_CONCURRENCY (16), HERALD_BENCH_HERALD_JVM_OPTS (JVM options of the Herald process,
 * -Xmx256m), HERALD_BENCH_BASELINE_JVM_OPTS, HERALD_BENCH_SENDERS (the baseline's bare senders, in order:
 * jdk,jdk-herald-executor,jetty,apache,reactor-netty), HERALD_BENCH_FANOUT_DELIVERIES (deliveries of each fan-out
 * case: 1, 10, 100 and 1,000 webhooks per event, 20000), HERALD_BENCH_HISTORY_ROWS (finished deliveries loaded for the
 * history and purge phases, 1000000), HERALD_BENCH_SOAK_MINUTES (each database's soak, 10), HERALD_BENCH_PG_URL,
 * HERALD_BENCH_SKIP (comma list of h2,pg,jmh,baseline,ceiling,mgmt,latency,disk,isolation,fanout,history,purge,soak).
 */
record BenchSettings(int events, int webhooks, int rate, int latencySeconds, int mgmtRequests, int concurrency,
                     int publishConcurrency, int mgmtConcurrency, List<String> heraldJvm, List<String> baselineJvm,
                     List<String> senders, int fanoutDeliveries, int historyRows, int soakMinutes, String pgUrl,
                     List<String> skip) {

    static BenchSettings fromEnvironment() {
        return new BenchSettings(intSetting("HERALD_BENCH_EVENTS", 20_000), intSetting("HERALD_BENCH_WEBHOOKS", 5),
                intSetting("HERALD_BENCH_RATE", 500), intSetting("HERALD_BENCH_LATENCY_SECONDS", 10),
                intSetting("HERALD_BENCH_MGMT_REQUESTS", 10_000), intSetting("HERALD_BENCH_CONCURRENCY", 200),
                intSetting("HERALD_BENCH_PUBLISH_CONCURRENCY", 16), intSetting("HERALD_BENCH_MGMT_CONCURRENCY", 16),
                words(setting("HERALD_BENCH_HERALD_JVM_OPTS", "-Xmx256m")),
                words(setting("HERALD_BENCH_BASELINE_JVM_OPTS", "")),
                List.of(setting("HERALD_BENCH_SENDERS",
                        "jdk,jdk-herald-executor,jetty,apache,reactor-netty").split(",")),
                intSetting("HERALD_BENCH_FANOUT_DELIVERIES", 20_000),
                intSetting("HERALD_BENCH_HISTORY_ROWS", 1_000_000), intSetting("HERALD_BENCH_SOAK_MINUTES", 10),
                setting("HERALD_BENCH_PG_URL", ""),
                List.of(setting("HERALD_BENCH_SKIP", "").toLowerCase(Locale.ROOT).split(",")));
    }

    boolean skips(String part) {
        return skip.contains(part);
    }

    /** Whether the phases that run on each database run on PostgreSQL too: its URL is set and "pg" not skipped. */
    boolean measuresPostgres() {
        return !pgUrl.isBlank() && !skips("pg");
    }

    static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    static int intSetting(String name, int defaultValue) {
        return Integer.parseInt(setting(name, Integer.toString(defaultValue)));
    }

    private static List<String> words(String value) {
        return List.of(value.split("\\s+")).stream().filter(s -> !s.isBlank()).toList();
    }
}
