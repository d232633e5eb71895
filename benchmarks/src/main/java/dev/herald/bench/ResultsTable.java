package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The printed table of one run: a column per database, a row per measure, then the JMH results and notes. */
final class ResultsTable {
    private static final String SKIPPED = "skipped";
    private final BenchSettings settings;
    private final StringBuilder t = new StringBuilder();
    private List<DbResult> results = List.of();

    private ResultsTable(BenchSettings settings) {
        this.settings = settings;
    }

    static String render(BenchSettings settings, String machine, List<BaselinePhase.Result> senders,
                         List<DbResult> results, List<IsolationScenario.Result> isolation, List<String> sections,
                         Map<String, Double> micro, List<String> notes, long seconds) {
        return new ResultsTable(settings).table(machine, senders, results, isolation, sections, micro, notes,
                seconds);
    }

    /** The machine the numbers come from: cores, memory, CPU model and JDK. */
    static String machine() {
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

    private String table(String machine, List<BaselinePhase.Result> senders, List<DbResult> results,
                         List<IsolationScenario.Result> isolation, List<String> sections, Map<String, Double> micro,
                         List<String> notes, long seconds) {
        BenchSettings s = settings;
        this.results = results;
        t.append("## Herald benchmarks, ").append(LocalDate.now()).append("\n\n");
        t.append(machine.lines().map(l -> "- " + l).reduce((a, b) -> a + "\n" + b).orElse("")).append('\n');
        t.append(String.format("- %d events x %d webhooks = %d deliveries; %d sends in flight; %s; %s; Herald JVM "
                        + "options: %s%n", s.events(), s.webhooks(), s.events() * s.webhooks(), s.concurrency(),
                s.skips("latency") ? "latency skipped"
                        : String.format("latency at %d events/s for %d s", s.rate(), s.latencySeconds()),
                s.skips("mgmt") ? "management API skipped" : String.format("%d management requests per operation "
                        + "at concurrency %d", s.mgmtRequests(), s.mgmtConcurrency()),
                s.heraldJvm().isEmpty() ? "(defaults)" : String.join(" ", s.heraldJvm())));
        t.append(String.format("- whole run: %d s%n%n", seconds));
        senders(senders);
        databases(senders);
        isolation(isolation);
        sections.forEach(t::append);
        if (!micro.isEmpty()) {
            t.append("| JMH micro-benchmark (1 KiB body) | ns/op |\n|---|---|\n");
            micro.forEach((k, v) -> t.append("| ").append(k).append(" | ").append(String.format("%.0f", v))
                    .append(" |\n"));
            t.append('\n');
        }
        notes.forEach(n -> t.append("- note: ").append(n).append('\n'));
        return t.toString();
    }

    /** A row per bare sender, each against the JDK client's row (the baseline of every earlier run). */
    private void senders(List<BaselinePhase.Result> senders) {
        if (senders.isEmpty()) {
            return;
        }
        Optional<BaselinePhase.Result> jdk = BaselinePhase.jdk(senders);
        double jdkPerSecond = jdk.map(BaselinePhase.Result::perSecond).orElse(Double.NaN);
        double jdkCpu = jdk.map(BaselinePhase.Result::cpuMicros).orElse(Double.NaN);
        t.append(String.format("| bare sender, own JVM: %d signed POSTs, %d in flight, HTTP/1.1 | POSTs/s | x JDK "
                + "| CPU µs per request (sender JVM) | requests per CPU second, x JDK | failed | received |%n"
                + "|---|---|---|---|---|---|---|%n", settings.events() * settings.webhooks(), settings.concurrency()));
        for (BaselinePhase.Result r : senders) {
            t.append(String.format("| %s | %.0f | %.2f | %.0f | %.2f | %d | %d |%n", r.label(), r.perSecond(),
                    r.perSecond() / jdkPerSecond, r.cpuMicros(), jdkCpu / r.cpuMicros(), r.failed(), r.received()));
        }
        t.append('\n');
    }

    /** A column per database, a row per measure; none when the h2 and pg phases were both skipped. */
    private void databases(List<BaselinePhase.Result> senders) {
        if (results.isEmpty()) {
            return;
        }
        BenchSettings s = settings;
        // The baseline stays the JDK client, as in every earlier run; the fastest sender shows the true ceiling.
        Optional<BaselinePhase.Result> jdk = BaselinePhase.jdk(senders);
        double baseline = jdk.map(BaselinePhase.Result::perSecond).orElse(Double.NaN);
        double baselineCpuMicros = jdk.map(BaselinePhase.Result::cpuMicros).orElse(Double.NaN);
        Optional<BaselinePhase.Result> fastest = BaselinePhase.fastest(senders);
        double best = fastest.map(BaselinePhase.Result::perSecond).orElse(Double.NaN);
        t.append("| measure | target |");
        results.forEach(r -> t.append(' ').append(r.name()).append(" |"));
        t.append("\n|---|---|");
        results.forEach(r -> t.append("---|"));
        t.append('\n');
        row("baseline: bare JDK HttpClient, signed POSTs/s", "", r -> fmt0(baseline));
        row("publish (POST /v1/event/create) events/s, " + s.publishConcurrency() + " concurrent",
                ">= 1500 H2, >= 2500 PostgreSQL",
                r -> fmt0(r.publish().perSecond()));
        row("end to end deliveries/s (first to last arrival)", ">= 4000 H2, >= 6000 PostgreSQL",
                r -> fmt0(r.deliveriesPerSecond()) + " (" + r.delivered() + "/" + s.events() * s.webhooks() + ")");
        row("end to end deliveries/s from the first publish", "", r -> fmt0(r.endToEndPerSecond()));
        row("ratio to baseline", "", r -> String.format("%.0f%%", 100 * r.deliveriesPerSecond() / baseline));
        row("fastest bare sender (" + fastest.map(BaselinePhase.Result::label).orElse("none") + "), signed POSTs/s",
                "", r -> fmt0(best));
        row("ratio to the fastest bare sender", ">= 50%",
                r -> String.format("%.0f%%", 100 * r.deliveriesPerSecond() / best));
        row("queue only, no-op sender, deliveries/s (the database ceiling)", "", r -> fmt0(r.ceilingPerSecond()));
        row("ceiling ratio to baseline", "", r -> String.format("%.0f%%", 100 * r.ceilingPerSecond() / baseline));
        row("CPU per delivery, whole Herald process incl. publishing (baseline JVM: " + fmt0(baselineCpuMicros)
                + ")", "", r -> fmt0(r.cpuMicrosPerDelivery()) + " µs");
        row("publish->received p50 / p99 / max ms at " + s.rate() + " events/s", "p99 < 50",
                r -> r.latency() == null ? SKIPPED : String.format("%.1f / %.1f / %.1f (%d/%d received)",
                        r.latency().p50(), r.latency().p99(), r.latency().max(), r.latencyReceived(),
                        s.rate() * s.latencySeconds()));
        row("publish call p50 / p99 ms at " + s.rate() + " events/s", "p99 < 20",
                r -> r.latencyPublish() == null ? SKIPPED : String.format("%.1f / %.1f",
                        r.latencyPublish().stats().p50(), r.latencyPublish().stats().p99()));
        row("create webhook requests/s (p99 ms)", ">= 5000", r -> r.create() == null ? SKIPPED
                : String.format("%.0f (%.1f)", r.create().perSecond(), r.create().stats().p99()));
        row("list webhooks (" + (s.webhooks() + 1) + " hooks) requests/s (p99 ms)", "", r -> r.list() == null ? SKIPPED
                : String.format("%.0f (%.1f)", r.list().perSecond(), r.list().stats().p99()));
        row("Herald peak RSS MiB (VmHWM)", "< 512", r -> String.format("%.0f", r.peakRssMib()));
        row("disk per event after the throughput phase (x " + s.webhooks() + " webhooks, ~40-byte data), KiB", "",
                r -> String.format("%.2f", r.diskKibPerEvent()));
        t.append('\n');
    }

    /** A row per database and noisy backlog: the scenario's own table, since its columns are not the databases. */
    private void isolation(List<IsolationScenario.Result> isolation) {
        if (isolation.isEmpty()) {
            return;
        }
        t.append(String.format("| isolation: hung endpoint's backlog (tenant noisy) | noisy publish events/s | quiet "
                + "publish->received p50 / p99 / max ms, %d events one per 100 ms (target p99 < 3000) | hung "
                + "endpoint's connections (limit 32 open) | scenario s |%n|---|---|---|---|---|%n",
                IsolationScenario.QUIET_EVENTS));
        for (IsolationScenario.Result r : isolation) {
            t.append(String.format("| %s, %,d events | %.0f%s | %.1f / %.1f / %.1f (%d/%d received) | %d | %d |%n",
                    r.database(), r.noisyEvents(), r.noisyPublish().perSecond(),
                    r.noisyPublish().failed() > 0 ? " (" + r.noisyPublish().failed() + " failed)" : "",
                    r.quiet().p50(), r.quiet().p99(), r.quiet().max(), r.quietReceived(),
                    IsolationScenario.QUIET_EVENTS, r.hungConnections(), r.seconds()));
        }
        t.append('\n');
    }

    private void row(String label, String target, Function<DbResult, String> cell) {
        t.append("| ").append(label).append(" | ").append(target).append(" |");
        results.forEach(r -> t.append(' ').append(cell.apply(r)).append(" |"));
        t.append('\n');
    }

    static String fmt0(double v) {
        return String.format("%.0f", v);
    }
}
