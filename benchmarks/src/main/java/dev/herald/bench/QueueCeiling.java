package dev.herald.bench;

import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.application.port.in.ForPublishingEvents.PublishEvent;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database ceiling: an embedded Herald (in this JVM) whose HTTP sender answers 200 at once without sending
 * anything, draining a backlog that was published before delivery started. What it reaches is the most deliveries/s
 * the durable queue (claim, load, complete: the database work) allows on this machine, with no network cost at all.
 */
final class QueueCeiling {
    private static final String TYPE = "PATIENT_CREATED";
    private static final int PUBLISHERS = 8;

    private final AtomicInteger sent = new AtomicInteger();

    private QueueCeiling() {
    }

    /**
     * Only the ceiling, on one fresh database: {@code java -cp herald-benchmarks.jar dev.herald.bench.QueueCeiling
     * JDBC_URL [EVENTS [WEBHOOKS]]} (for a PostgreSQL URL, an empty database or schema).
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int webhooks = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        deliveriesPerSecond(args[0], events, webhooks);
        System.exit(0);
    }

    /** Deliveries/s from the start of delivery to the last send, over {@code events} x {@code webhooks}. */
    static double deliveriesPerSecond(String jdbcUrl, int events, int webhooks) throws Exception {
        return new QueueCeiling().run(jdbcUrl, events, webhooks);
    }

    private double run(String jdbcUrl, int events, int webhooks) throws Exception {
        try (Herald herald = NoNetworkHerald.on(jdbcUrl, sent)) {
            TenantId tenant = herald.tenants().createTenant("ceiling").tenant();
            for (int i = 0; i < webhooks; i++) {
                herald.webhooks().create(tenant, new CreateWebhook("http://127.0.0.1:9/ceiling/" + i, List.of(TYPE), null));
            }
            // Warm-up through the whole path, not measured.
            herald.startDelivering();
            int warm = Math.min(1000, events / 10);
            publish(herald, tenant, 0, warm);
            awaitSent(warm * webhooks, 120);
            herald.stopDelivering(Duration.ofSeconds(20));

            System.out.printf("  queue ceiling: publishing a backlog of %d events x %d webhooks...%n", events, webhooks);
            publish(herald, tenant, 0, events);
            sent.set(0);
            long start = System.nanoTime();
            herald.startDelivering();
            int expected = events * webhooks;
            long last = awaitSent(expected, 300);
            double perSecond = sent.get() / ((last - start) / 1e9);
            System.out.printf("    drained %d/%d with a no-op sender: %.0f deliveries/s%n", sent.get(), expected,
                    perSecond);
            return perSecond;
        }
    }

    /**
     * Publishes events {@code from} to {@code from + events} from {@code PUBLISHERS} threads, each call committed
     * before it returns.
     */
    static void publish(Herald herald, TenantId tenant, int from, int events) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                done.add(publishers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        herald.events().publish(tenant, PublishEvent.of(TYPE,
                                "{\"seq\":" + (from + i) + ",\"patientId\":\"p-" + i + "\"}"));
                    }
                }));
            }
            for (Future<?> publisher : done) {
                publisher.get(600, TimeUnit.SECONDS);
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    /** Waits until {@code expected} sends happened; the time of the check that saw the last of them. */
    private long awaitSent(int expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (sent.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return System.nanoTime();
    }
}
