package dev.herald.adapter.metrics;

import dev.herald.application.port.out.ForRecordingMetrics;
import dev.herald.domain.tenant.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Herald's metrics in a Micrometer registry, the host's or the server's (docs/API.md §8.5 names and explains them). */
public final class MicrometerMetrics implements ForRecordingMetrics {
    static final String DELIVERIES = "herald.deliveries";
    static final String ATTEMPT_DURATION = "herald.attempt.duration";
    static final String PUBLISH_DURATION = "herald.publish.duration";

    private final MeterRegistry registry;
    private final Timer attempts;
    private final Timer publishes;

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // Percentile histograms: the buckets let Prometheus aggregate quantiles across nodes.
        this.attempts = Timer.builder(ATTEMPT_DURATION)
                .description("How long one sent delivery attempt took, to the receiver's whole answer or the failure")
                .publishPercentileHistogram()
                .register(registry);
        this.publishes = Timer.builder(PUBLISH_DURATION)
                .description("How long one accepted publish took: the event and its deliveries stored")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The JVM's and the process's own meters: memory, garbage collection, threads, CPU, uptime. */
    public static void bindJvmAndProcess(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry); // lives as long as the JVM: the server's registry does too
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void deliveryOutcome(TenantId tenant, DeliveryOutcome outcome) {
        // Tenants are few and long-lived (created by the operator), so a tenant tag stays a bounded label.
        Counter.builder(DELIVERIES)
                .description("Delivery attempts by what they made of their delivery, and by tenant")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("tenant", tenant.value())
                .register(registry)
                .increment();
    }

    @Override
    public void attemptLatency(Duration latency) {
        attempts.record(latency);
    }

    @Override
    public void publishLatency(Duration latency) {
        publishes.record(latency);
    }
}
