package dev.herald.bench;

import dev.herald.domain.delivery.Delivery;
import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.delivery.Signatures;
import dev.herald.domain.event.Event;
import dev.herald.domain.event.EventData;
import dev.herald.domain.event.EventId;
import dev.herald.domain.event.EventType;
import dev.herald.domain.tenant.TenantId;
import dev.herald.domain.webhook.SecretGenerator;
import dev.herald.domain.webhook.WebhookId;
import dev.herald.domain.webhook.WebhookSecret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** JMH: the CPU work Herald does per delivery, on a 1 KiB body. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MicroBenchmarks {
    private WebhookSecret secret;
    private List<WebhookSecret> secrets;
    private Delivery delivery;
    private byte[] data;
    private DeliveryBody body;

    @Setup
    public void setUp() {
        secret = new SecretGenerator().next();
        secrets = List.of(secret);
        Event event = new Event(EventId.generate(), new TenantId("acme"), EventType.PATIENT_CREATED,
                new EventData("{\"patientId\":42,\"note\":\"\"}"), Instant.now(), Optional.empty(), "fingerprint", 1);
        delivery = Delivery.of(event, WebhookId.generate());
        int envelope = DeliveryBody.of(delivery, event.data().utf8()).length();
        // exactly 1 KiB in all: pad the note
        String note = "x".repeat(1024 - envelope);
        data = ("{\"patientId\":42,\"note\":\"" + note + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body = DeliveryBody.of(delivery, data);
    }

    @Benchmark
    public String signDecoda1KiB() {
        return Signatures.decoda(secret, body);
    }

    @Benchmark
    public String signStandardWebhooks1KiB() {
        return Signatures.standardWebhooks(secrets, delivery.id().value(), 1_700_000_000L, body);
    }

    @Benchmark
    public DeliveryBody renderDeliveryBody1KiB() {
        return DeliveryBody.of(delivery, data);
    }

    int bodyLength() {
        setUp();
        return body.length();
    }

    /** Runs every benchmark of this class in a fork started with {@code java}; answers ns/op by name. */
    static Map<String, Double> runAll(String java) throws Exception {
        System.out.println("JMH micro-benchmarks (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement)...");
        var options = new OptionsBuilder()
                .include(MicroBenchmarks.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvm(java)
                .build();
        Map<String, Double> results = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String label = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            results.put(label, r.getPrimaryResult().getScore());
        }
        return results;
    }
}
