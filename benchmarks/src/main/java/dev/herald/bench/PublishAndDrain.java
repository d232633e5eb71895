package dev.herald.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.herald.application.port.in.ForManagingWebhooks.CreateWebhook;
import dev.herald.bootstrap.Herald;
import dev.herald.domain.tenant.TenantId;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the database's writes cost, apart from HTTP (docs/BENCHMARKS.md, "Delivery list with 1,000,000 finished
 * deliveries"): an embedded Herald with a no-op sender ({@link NoNetworkHerald}) first takes a backlog of events (8
 * publishing threads, delivery stopped: the inserts), then drains it (claims and completions: the updates). Prints
 * deliveries/s and this JVM's CPU per delivery for each phase.
 * {@code java -cp herald-benchmarks.jar dev.herald.bench.PublishAndDrain JDBC_URL [EVENTS [WEBHOOKS]]}, on a fresh
 * database (for PostgreSQL, an empty schema: its own CPU is not counted).
 */
final class PublishAndDrain {
    private static final String TYPE = "PATIENT_CREATED";
    private static final int WARM_UP = 1_000;

    private PublishAndDrain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2"); // as QueueCeiling
        String url = args[0];
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int webhooks = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger sent = new AtomicInteger();
        try (Herald herald = NoNetworkHerald.on(url, sent)) {
            TenantId tenant = herald.tenants().createTenant("writes").tenant();
            for (int i = 0; i < webhooks; i++) {
                herald.webhooks().create(tenant, new CreateWebhook("http://127.0.0.1:9/writes/" + i, List.of(TYPE),
                        null));
            }
            herald.startDelivering();
            QueueCeiling.publish(herald, tenant, 0, WARM_UP);
            awaitSent(sent, WARM_UP * webhooks);
            herald.stopDelivering(Duration.ofSeconds(20));
            sent.set(0);
            int deliveries = events * webhooks;
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            QueueCeiling.publish(herald, tenant, WARM_UP, events);
            long cpu1 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            herald.startDelivering();
            awaitSent(sent, deliveries);
            long cpu2 = os.getProcessCpuTime();
            long t2 = System.nanoTime();
            System.out.printf("publish %.0f deliveries/s, CPU %.0f µs per delivery | drain %.0f deliveries/s, CPU %.0f"
                            + " µs per delivery (%d events x %d webhooks)%n",
                    deliveries / ((t1 - t0) / 1e9), (cpu1 - cpu0) / 1e3 / deliveries,
                    deliveries / ((t2 - t1) / 1e9), (cpu2 - cpu1) / 1e3 / deliveries, events, webhooks);
        }
        System.exit(0);
    }

    private static void awaitSent(AtomicInteger sent, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (sent.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
