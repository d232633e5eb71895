package dev.herald.adapter.metrics;

import dev.herald.application.port.in.ForObservingQueue;
import dev.herald.application.port.in.ForObservingQueue.QueueLoad;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The queue's size and lag as gauges (docs/API.md §8.5), read from the database when scraped: one query for both,
 * kept for {@link #FRESH} so that several scrapers (or one scrape reading both gauges) cost one query. NaN when the
 * database does not answer.
 */
public final class QueueGauges {
    static final Duration FRESH = Duration.ofSeconds(1);

    private final ForObservingQueue queue;
    private QueueLoad last;
    private long readAt;

    private QueueGauges(ForObservingQueue queue) {
        this.queue = queue;
    }

    public static void bind(MeterRegistry registry, ForObservingQueue queue) {
        QueueGauges gauges = new QueueGauges(queue);
        // Supplier gauges are held strongly by the registry, so these live as long as it does.
        Gauge.builder("herald.queue.depth", () -> gauges.read(QueueLoad::unfinished))
                .description("Deliveries not finished: queued, being sent, or held (disabled webhook, open circuit)")
                .register(registry);
        Gauge.builder("herald.queue.oldest.due.age", () -> gauges.read(load -> load.oldestDueAge().toNanos() / 1e9))
                .description("How long the delivery due longest has been waiting, in seconds (0: none is due)")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized double read(ToDoubleFunction<QueueLoad> measure) {
        long now = System.nanoTime();
        if (last == null || now - readAt > FRESH.toNanos()) {
            try {
                last = queue.load();
                readAt = now;
            } catch (RuntimeException e) {
                last = null;
                return Double.NaN;
            }
        }
        return measure.applyAsDouble(last);
    }
}
