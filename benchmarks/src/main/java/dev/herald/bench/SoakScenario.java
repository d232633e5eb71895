package dev.herald.bench;

import static dev.herald.bench.SectionRows.row;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether retention keeps the database from growing (docs/API.md §8.4): an embedded Herald (no-op sender) with a
 * one-minute retention publishes a constant EVENTS_PER_SECOND to 5 webhooks for HERALD_BENCH_SOAK_MINUTES, and the
 * size of its data on disk is read every minute. Once the first purged minute is past (minute 3), the size should
 * stay where it is.
 */
final class SoakScenario {
    static final int WEBHOOKS = 5;
    static final int EVENTS_PER_SECOND = 100;
    static final Duration RETENTION = Duration.ofMinutes(1);
    /** From this minute on, every round of the purge has deleted a minute's worth: the size should be flat. */
    static final int SETTLED_MINUTE = 3;

    /** One database: its data's size at the end of each minute (index 0 = at the start). */
    record Result(String database, int minutes, List<Long> bytes, int published, int sent) {
        long settled() {
            return bytes.get(Math.min(SETTLED_MINUTE, bytes.size() - 1));
        }

        long last() {
            return bytes.get(bytes.size() - 1);
        }

        double growthAfterSettling() {
            return (double) last() / settled() - 1;
        }
    }

    private SoakScenario() {
    }

    static List<Result> runAll(BenchSettings settings, Path work) throws Exception {
        int minutes = settings.soakMinutes();
        List<Result> results = new ArrayList<>();
        results.add(run("H2", BenchDatabases.h2Url(work, "soak-h2"), minutes));
        BenchDatabases.deleteFiles(work.resolve("soak-h2"));
        if (settings.measuresPostgres()) {
            BenchDatabases.freshPostgres(settings.pgUrl());
            results.add(run("PostgreSQL", settings.pgUrl(), minutes));
            BenchDatabases.freshPostgres(settings.pgUrl());
        }
        return results;
    }

    private static Result run(String database, String dbUrl, int minutes) throws Exception {
        System.out.printf("%s: soak, %d events/s to %d webhooks for %d minutes, retention %s...%n", database,
                EVENTS_PER_SECOND, WEBHOOKS, minutes, RETENTION);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        List<Long> bytes = new ArrayList<>();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        try (Herald herald = NoNetworkHerald.on(dbUrl, sent, RETENTION)) {
            TenantId tenant = herald.tenants().createTenant("soak").tenant();
            for (int i = 0; i < WEBHOOKS; i++) {
                herald.webhooks().create(tenant, new CreateWebhook("http://127.0.0.1:9/soak/" + i,
                        List.of("PATIENT_CREATED"), null));
            }
            herald.startDelivering();
            bytes.add(BenchDatabases.diskBytes(dbUrl));
            publisher.scheduleAtFixedRate(() -> {
                int seq = published.incrementAndGet();
                herald.events().publish(tenant, PublishEvent.of("PATIENT_CREATED", "{\"seq\":" + seq
                        + ",\"patientId\":\"p-" + seq + "\",\"note\":\"" + "x".repeat(400) + "\"}"));
            }, 0, TimeUnit.SECONDS.toMicros(1) / EVENTS_PER_SECOND, TimeUnit.MICROSECONDS);
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
                bytes.add(BenchDatabases.diskBytes(dbUrl));
                System.out.printf("    minute %d: %d MiB, %,d published, %,d sent%n", minute,
                        bytes.get(minute) >> 20, published.get(), sent.get());
            }
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        } finally {
            publisher.shutdownNow();
        }
        return new Result(database, minutes, bytes, published.get(), sent.get());
    }

    /** The scenario's section of the results: a column per database. */
    static String table(List<Result> results) {
        StringBuilder t = new StringBuilder(String.format("| soak: %d events/s (500-byte data) to %d webhooks, "
                + "retention %d min (embedded Herald, no-op sender) |", EVENTS_PER_SECOND, WEBHOOKS,
                RETENTION.toMinutes()));
        results.forEach(r -> t.append(' ').append(r.database()).append(" |"));
        t.append("\n|---|").append("---|".repeat(results.size())).append('\n');
        row(t, results, "minutes; events published; deliveries sent", r -> String.format("%d; %,d; %,d",
                r.minutes(), r.published(), r.sent()));
        row(t, results, "Herald's data on disk at each minute, MiB (H2: the file; PostgreSQL: tables, indexes, TOAST)",
                r -> String.join(" ", r.bytes().stream().map(b -> Long.toString(b >> 20)).toList()));
        row(t, results, "growth from minute " + SETTLED_MINUTE + " to the end", r -> String.format("%+.0f %%",
                100 * r.growthAfterSettling()));
        return t.append('\n').toString();
    }
}
