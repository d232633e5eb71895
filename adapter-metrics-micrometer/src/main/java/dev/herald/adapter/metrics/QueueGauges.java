package dev.herald.adapter.metrics;

import dev.herald.application.port.in.ForObservingQueue;
import dev.herald.application.port.in.ForObservingQueue.EndpointLoad;
import dev.herald.application.port.in.ForObservingQueue.QueueLoad;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The queue's size and lag, and the endpoints' state, as gauges (docs/API.md §8.5), read from the database when
 * scraped: one query for each pair, kept for {@link #FRESH} so that several scrapers (or one scrape reading both
 * gauges of a pair) cost one query. NaN when the database does not answer.
 */
public final class QueueGauges {
    static final Duration FRESH = Duration.ofSeconds(1);

    private QueueGauges() {
    }

    public static void bind(MeterRegistry registry, ForObservingQueue queue) {
        Reading<QueueLoad> load = new Reading<>(queue::load);
        Reading<EndpointLoad> endpoints = new Reading<>(queue::endpoints);
        // Supplier gauges are held strongly by the registry, so these live as long as it does.
        Gauge.builder("herald.queue.depth", () -> load.read(QueueLoad::unfinished))
                .description("Deliveries not finished: queued, being sent, or held (disabled webhook, open circuit)")
                .register(registry);
        Gauge.builder("herald.queue.oldest.due.age", () -> load.read(l -> l.oldestDueAge().toNanos() / 1e9))
                .description("How long the delivery due longest has been waiting, in seconds (0: none is due)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("herald.webhooks.disabled", () -> endpoints.read(EndpointLoad::disabledWebhooks))
                .description("Live webhooks disabled, by their tenant or by Herald after failing for days")
                .register(registry);
        Gauge.builder("herald.circuits.open", () -> endpoints.read(EndpointLoad::openCircuits))
                .description("Endpoints of enabled webhooks whose circuit is open or half-open now")
                .register(registry);
    }

    /** One reading from the database, kept for {@link #FRESH}; none after a failure, so the next scrape asks again. */
    private static final class Reading<T> {
        private final Supplier<T> source;
        private T last;
        private long readAt;

        Reading(Supplier<T> source) {
            this.source = source;
        }

        synchronized double read(ToDoubleFunction<T> measure) {
            long now = System.nanoTime();
            if (last == null || now - readAt > FRESH.toNanos()) {
                try {
                    last = source.get();
                    readAt = now;
                } catch (RuntimeException e) {
                    last = null;
                    return Double.NaN;
                }
            }
            return measure.applyAsDouble(last);
        }
    }
}
