package dev.herald.bench;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Disk use of the embedded default (an H2 file): an embedded Herald whose sender answers 200 at once, fed events with
 * a 500-byte {@code data} at a steady rate. Reports the file's bytes per event against the live data's (the size of
 * the same database compacted offline), and the file after Herald's own close (which gives space back).
 *
 * <p>The soak keeps the number of live rows constant by deleting finished work older than a few seconds (what the
 * retention job will do), and samples the file size: it must stay flat.
 */
final class H2Storage {
    private static final String TYPE = "PATIENT_CREATED";

    /** Extra H2 settings for experiments, e.g. {@code -Dherald.bench.h2.settings=;RETENTION_TIME=0}. */
    private static final String EXTRA_SETTINGS = System.getProperty("herald.bench.h2.settings", "");

    private final AtomicInteger sent = new AtomicInteger();

    /**
     * One measurement: events published, the file at its largest while running (sampled every 250 ms) and at the
     * end, after Herald's close, and compacted offline (the live data).
     */
    record Result(String name, int events, long peakBytes, long runningBytes, long closedBytes, long liveBytes) {
        double perEventKib(long bytes) {
            return bytes / 1024.0 / events;
        }

        double ratio() {
            return (double) runningBytes / liveBytes;
        }

        @Override
        public String toString() {
            return String.format("%s: %d events, file at the end %.1f MiB (%.2f KiB/event, %.1fx the live data),"
                            + " at most %.1f MiB; %.1f MiB after close; live data %.2f KiB/event", name, events,
                    mib(runningBytes), perEventKib(runningBytes), ratio(), mib(peakBytes), mib(closedBytes),
                    perEventKib(liveBytes));
        }
    }

    /**
     * {@code java -cp herald-benchmarks.jar dev.herald.bench.H2Storage DIR [EVENTS_PER_SECOND EVENTS WEBHOOKS]}, or
     * {@code soak DIR EVENTS_PER_SECOND MINUTES}.
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        if (args[0].equals("soak")) {
            soak(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
            int events = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
            int webhooks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            System.out.println(steady(Path.of(args[0]), rate, events, webhooks));
        }
        System.exit(0);
    }

    /** {@code events} events at {@code rate}/s (0: as fast as 8 publishers go) to {@code webhooks} webhooks. */
    static Result steady(Path dir, int rate, int events, int webhooks) throws Exception {
        return new H2Storage().run(dir, rate, events, webhooks);
    }

    private Result run(Path dir, int rate, int events, int webhooks) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("herald.mv.db");
        String url = "jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath() + EXTRA_SETTINGS;
        long running;
        FileSizeSampler sampler = new FileSizeSampler(file);
        try (Herald herald = NoNetworkHerald.on(url, sent)) {
            TenantId tenant = herald.tenants().createTenant("storage").tenant();
            for (int i = 0; i < webhooks; i++) {
                herald.webhooks().create(tenant, new CreateWebhook("http://127.0.0.1:9/s/" + i, List.of(TYPE), null));
            }
            herald.startDelivering();
            sampler.start();
            publish(herald, tenant, rate, events);
            awaitSent(events * webhooks, 300);
            running = Files.size(file);
        } finally {
            sampler.interrupt();
        }
        sampler.join();
        long closed = Files.size(file);
        return new Result(String.format("%s events/s x %d webhooks", rate == 0 ? "max" : rate, webhooks), events,
                Math.max(sampler.peak(), running), running, closed, compactedSize(dir, url));
    }

    /** Publishes at a steady rate (a fixed schedule, not a closed loop), from 8 threads. */
    private static void publish(Herald herald, TenantId tenant, int rate, int events) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                done.add(publishers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        if (rate > 0) {
                            sleepUntil(start + i * 1_000_000_000L / rate);
                        }
                        herald.events().publish(tenant, PublishEvent.of(TYPE, data(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> publisher : done) {
                publisher.get(30, TimeUnit.MINUTES);
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    /**
     * A 500-byte data object whose note is random base64: compresses no better than real data would (a note of one
     * repeated letter would flatter the compressed file).
     */
    static String data(int i) {
        byte[] note = new byte[330];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(note);
        return String.format("{\"seq\":%10d,\"patientId\":\"p-%10d\",\"note\":\"%s\"}", i, i,
                java.util.Base64.getEncoder().encodeToString(note));
    }

    /**
     * A constant load for {@code minutes} with finished work older than 10 s deleted every 5 s (as retention will),
     * so the live rows stay about constant; prints the file size each minute.
     */
    static List<Long> soak(Path dir, int rate, int minutes) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("herald.mv.db");
        String url = "jdbc:h2:file:" + dir.resolve("herald").toAbsolutePath();
        H2Storage storage = new H2Storage();
        List<Long> sizes = new ArrayList<>();
        try (Herald herald = NoNetworkHerald.on(url, storage.sent);
             Connection purger = DriverManager.getConnection(url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
            TenantId tenant = herald.tenants().createTenant("soak").tenant();
            herald.webhooks().create(tenant, new CreateWebhook("http://127.0.0.1:9/soak", List.of(TYPE), null));
            herald.startDelivering();
            int events = rate * 60 * minutes;
            Thread load = new Thread(() -> {
                try {
                    publish(herald, tenant, rate, events);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            load.start();
            long start = System.nanoTime();
            long nextSample = start;
            while (load.isAlive()) {
                purge(purger);
                if (System.nanoTime() >= nextSample) {
                    sizes.add(Files.size(file));
                    System.out.printf("    soak minute %d: file %.1f MiB, %d sent%n", sizes.size() - 1,
                            mib(sizes.get(sizes.size() - 1)), storage.sent.get());
                    nextSample += TimeUnit.MINUTES.toNanos(1);
                }
                load.join(5_000);
            }
            herald.stopDelivering(Duration.ofSeconds(20));
            sizes.add(Files.size(file));
            System.out.printf("    soak end: file %.1f MiB%n", mib(sizes.get(sizes.size() - 1)));
        }
        return sizes;
    }

    /** Deletes finished work older than 10 s: its attempts, the deliveries, then events left without deliveries. */
    private static void purge(Connection c) throws SQLException {
        List<String> finished = new ArrayList<>();
        try (Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT id FROM deliveries WHERE status <> 'PENDING'"
                     + " AND created_date < CURRENT_TIMESTAMP - INTERVAL '10' SECOND")) {
            while (rows.next()) {
                finished.add(rows.getString(1));
            }
        }
        for (int from = 0; from < finished.size(); from += 500) {
            String ids = finished.subList(from, Math.min(finished.size(), from + 500)).stream()
                    .map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(","));
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM attempts WHERE delivery_id IN (" + ids + ")");
                s.executeUpdate("DELETE FROM deliveries WHERE id IN (" + ids + ")");
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM events e WHERE e.created_date < CURRENT_TIMESTAMP - INTERVAL '10' SECOND"
                    + " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)");
        }
    }

    /** The live data: the database compacted offline ({@code SHUTDOWN COMPACT}), pages compressed as Herald has them. */
    private static long compactedSize(Path dir, String url) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url + ";COMPRESS=TRUE");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        return Files.size(dir.resolve("herald.mv.db"));
    }

    private void awaitSent(int expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (sent.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
